import { Semaphore } from 'async-mutex';
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
 * A turn in the bulkhead, or null when none came within the wait. A turn that comes after the wait
 * was given up is handed straight back. The timer exists only while a request actually waits.
 */
const turn = async (bulkhead: Semaphore, maxWaitMs: number): Promise<(() => void) | null> => {
  if (!bulkhead.isLocked()) return (await bulkhead.acquire())[1];
  let timer: NodeJS.Timeout | undefined;
  let gaveUp = false;
  const acquired = bulkhead.acquire().then(([, release]) => {
    if (gaveUp) release();
    return release;
  });
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), maxWaitMs);
  });
  const outcome = await Promise.race([acquired, timedOut]);
  clearTimeout(timer);
  if (outcome === null) gaveUp = true;
  return outcome;
};

/**
 * One bulkhead per operation (method + route template). When one table is slow (locked,
 * vacuumed, a bad plan), the requests waiting on it pile up in their own operation's queue
 * instead of taking every pooled database connection, so unrelated operations keep theirs.
 */
export const routeBulkheads = ({ perRoute, maxWaitMs }: BulkheadSettings) => {
  const bulkheads = new Map<string, Semaphore>();
  return createMiddleware(async (c, next) => {
    const key = `${c.req.method} ${routePath(c, -1)}`;
    let bulkhead = bulkheads.get(key);
    if (bulkhead === undefined) {
      bulkhead = new Semaphore(perRoute);
      bulkheads.set(key, bulkhead);
    }
    const release = await turn(bulkhead, maxWaitMs);
    if (release === null) return problemResponse(c, edgeProblems.dependencyUnavailable());
    try {
      await next();
    } finally {
      release();
    }
  });
};
