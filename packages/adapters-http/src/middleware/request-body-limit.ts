import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';

// DELETE too: DELETE /api/user reads a body (the password), and any DELETE may carry one.
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Hono's body limit (413, chunked bodies included), applied where a body is read. GETs skip it:
 * merely asking a request for its body makes the Node adapter build a full `Request`, which cost
 * ~5% of CPU on every GET.
 */
export const requestBodyLimit = (maxBytes: number): MiddlewareHandler => {
  const limit = bodyLimit({ maxSize: maxBytes, onError: (c) => problemResponse(c, edgeProblems.payloadTooLarge(maxBytes)) });
  return (c, next) => (WITH_BODY.has(c.req.method) ? limit(c, next) : next());
};
