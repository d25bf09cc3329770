import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';

// DELETE too: DELETE /api/user reads a body (the password), and any DELETE may carry one.
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The body limit (413), applied where a body is read. GETs skip it. A body with a declared length
 * (and no chunked framing) is judged by its header alone: Node's parser reads no more than that
 * length, and leaving the body untouched keeps the Node adapter's direct read for the handler (its
 * `json()` reads the socket into one buffer, where touching `body` first builds a whole web
 * `Request` and a stream around the socket: about a tenth of the CPU of a POST). A chunked body is
 * counted as it arrives, by Hono's limit.
 */
export const requestBodyLimit = (maxBytes: number): MiddlewareHandler => {
  const tooLarge = edgeProblems.payloadTooLarge(maxBytes);
  const counted = bodyLimit({ maxSize: maxBytes, onError: (c) => problemResponse(c, tooLarge) });
  return (c, next) => {
    if (!WITH_BODY.has(c.req.method)) return next();
    const declared = c.req.header('Content-Length');
    if (declared === undefined || c.req.header('Transfer-Encoding') !== undefined) return counted(c, next);
    return Number(declared) > maxBytes ? Promise.resolve(problemResponse(c, tooLarge)) : next();
  };
};
