import { E_TIMEOUT, Semaphore, type SemaphoreInterface, withTimeout } from 'async-mutex';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';

export type BulkheadSettings = {
  /** Requests of one operation that may run at once; the rest wait their turn. */
  readonly perRoute: number;
  /** How long a request may wait for its turn before a 503 with Retry-After. */
  readonly maxWaitMs: number;
};

/**
 * One bulkhead per operation (method + route template). When one table is slow (locked,
 * vacuumed, a bad plan), the requests waiting on it pile up in their own operation's queue
 * instead of taking every pooled database connection, so unrelated operations keep theirs.
 */
export const routeBulkheads = ({ perRoute, maxWaitMs }: BulkheadSettings) => {
  const bulkheads = new Map<string, SemaphoreInterface>();
  const bulkheadFor = (key: string) => {
    let bulkhead = bulkheads.get(key);
    if (bulkhead === undefined) {
      bulkhead = withTimeout(new Semaphore(perRoute), maxWaitMs);
      bulkheads.set(key, bulkhead);
    }
    return bulkhead;
  };
  return createMiddleware(async (c, next) => {
    const bulkhead = bulkheadFor(`${c.req.method} ${routePath(c, -1)}`);
    let release: () => void;
    try {
      [, release] = await bulkhead.acquire();
    } catch (error) {
      if (error === E_TIMEOUT) return problemResponse(c, edgeProblems.dependencyUnavailable());
      throw error;
    }
    try {
      await next();
    } finally {
      release();
    }
  });
};
