import type { Hook } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import { edgeProblems } from '../problems/edge-problems.js';
import { type FieldErrors, problemResponse } from '../problems/problem.js';

/**
 * The RealWorld field name of an issue: for bodies the path below the wrapper object
 * (`{"article": {"title": ...}}` -> "title"), for query and path parameters the parameter.
 */
const fieldOf = (path: readonly PropertyKey[], target: string): string => {
  const named = path.filter((segment): segment is string => typeof segment === 'string');
  if (target !== 'json') return named[0] ?? target;
  return named[1] ?? named[0] ?? 'body';
};

export const fieldErrors = (error: z.ZodError, target: string): FieldErrors => {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(key, 'is not allowed');
    } else {
      add(fieldOf(issue.path, target), issue.message);
    }
  }
  return errors;
};

/** Every router gets this hook: shape failures are 422 problems before any use case runs. */
export const validationHook: Hook<unknown, any, any, any> = (result, c) => {
  if (!result.success) return problemResponse(c, edgeProblems.validationFailed(fieldErrors(result.error, result.target)));
  return undefined;
};
