import { createMiddleware } from 'hono/factory';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Operations with a JSON body refuse other media types with 415, not a confusing 422. */
export const requireJsonBody = createMiddleware(async (c, next) => {
  const contentType = c.req.header('Content-Type');
  if (contentType === undefined || !JSON_MEDIA_TYPE.test(contentType)) {
    return problemResponse(c, edgeProblems.unsupportedMediaType());
  }
  await next();
});
