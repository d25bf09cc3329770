import type { Hook, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
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

/**
 * One message per field, its first failure (a list that is not a string is not also "blank").
 * Field names come from the request (`?constructor=`, a body key `__proto__`): collected in a Map,
 * so no name can reach an object's prototype, then written out as own properties.
 */
export const fieldErrors = (error: z.ZodError, target: string): FieldErrors => {
  const errors = new Map<string, string[]>();
  for (const issue of error.issues) {
    const field = fieldOf(issue.path, target);
    if (!errors.has(field)) errors.set(field, [issue.message]);
  }
  return Object.fromEntries(errors);
};

/** Every router gets this hook: shape failures are 422 problems before any use case runs. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) return problemResponse(c, edgeProblems.validationFailed(fieldErrors(result.error, result.target)));
  return undefined;
};
