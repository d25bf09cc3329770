import type { AppError, Features, SelfProfile } from '@conduit/app';
import type { Actor } from '@conduit/domain';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed, JSONValue } from 'hono/utils/types';
import type { Result } from 'neverthrow';
import { appProblem } from '../problems/app-problem.js';
import type { ProblemAnswer } from '../problems/problem.js';
import { entityTag, isConditionalHit } from './conditional-get.js';
import { emptyHeaders, jsonHeaders } from './json-content.js';

type ActorEnv = { Variables: { actor: Actor; self: SelfProfile | undefined; features: Features } };

/**
 * What a use case gets from the request: the actor the route's auth middleware set (its type follows
 * the route's auth mode) and the feature flags as evaluated for this request.
 */
export const useCaseContext = <E extends ActorEnv>(
  c: Context<E, string, object>,
): { actor: E['Variables']['actor']; features: Features; self?: SelfProfile } => {
  const self = c.get('self');
  return { actor: c.get('actor'), features: c.get('features'), ...(self ? { self } : {}) };
};

type Answer<Body, Status extends 200 | 201> = Response & TypedResponse<JSONParsed<Body>, Status, 'json'>;

/**
 * The one way a handler answers: the presented value with its success status, or the error's problem.
 * Reads (GET) carry an `ETag`; one the client already has gets 304 with no body.
 */
export const respond = <T, Body extends JSONValue | object, Status extends 200 | 201>(
  c: Context,
  result: Result<T, AppError>,
  present: (value: T) => Body,
  status: Status,
): Answer<Body, Status> | ProblemAnswer => {
  if (result.isErr()) return appProblem(c, result.error);
  if (c.req.method !== 'GET') return c.json(present(result.value), status, jsonHeaders(c));
  const text = JSON.stringify(present(result.value));
  const tag = entityTag(text, c.get('tenant')?.id);
  // Typed as the JSON answer: the body is that JSON, serialized here once to be hashed.
  if (isConditionalHit(c, tag)) return c.body(null, 304, { ...emptyHeaders(c), ETag: tag }) as unknown as Answer<Body, Status>;
  return c.body(text, status, { ...jsonHeaders(c), ETag: tag }) as unknown as Answer<Body, Status>;
};

/** As respond, for operations that answer 204 with no body. */
export const respondEmpty = (c: Context, result: Result<unknown, AppError>) =>
  result.isOk() ? c.body(null, 204, emptyHeaders(c)) : appProblem(c, result.error);
