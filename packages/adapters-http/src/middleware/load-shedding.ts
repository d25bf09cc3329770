import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';

/**
 * Beyond `maxInFlight` concurrent requests, new ones are refused at once with 503 + Retry-After
 * instead of queueing behind the others and timing out anyway. `exempt` paths (health probes)
 * are always served. A write answered at its deadline counts until its work ends, not until its
 * answer: clients retrying it must not pile more work on a database that is already behind.
 */
export const loadShedding = (maxInFlight: number, exempt: (path: string) => boolean) => {
  let inFlight = 0;
  const done = () => {
    inFlight -= 1;
  };
  return (async (c, next) => {
    if (exempt(c.req.path)) return next();
    if (inFlight >= maxInFlight) return problemResponse(c, edgeProblems.overloaded());
    inFlight += 1;
    try {
      await next();
    } finally {
      const behind = c.get('workAfterAnswer');
      if (behind === undefined) done();
      else behind.then(done, done);
    }
  }) satisfies MiddlewareHandler<AppEnv>;
};
