import type { MiddlewareHandler } from 'hono';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';

/**
 * Beyond `maxInFlight` concurrent requests, new ones are refused at once with 503 + Retry-After
 * instead of queueing behind the others and timing out anyway. `exempt` paths (health probes)
 * are always served.
 */
export const loadShedding = (maxInFlight: number, exempt: (path: string) => boolean) => {
  let inFlight = 0;
  return (async (c, next) => {
    if (exempt(c.req.path)) return next();
    if (inFlight >= maxInFlight) return problemResponse(c, edgeProblems.overloaded());
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  }) satisfies MiddlewareHandler;
};
