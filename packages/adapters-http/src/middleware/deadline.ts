import { createMiddleware } from 'hono/factory';
import { timeout } from 'hono/timeout';
import type { AppEnv } from '../app-env.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { ProblemException } from '../problems/problem-exception.js';

/** Methods that change nothing: answering them early never contradicts the database. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request has a budget, and its answer never contradicts the database:
 * - a read is answered 503 at the deadline, while the database's own statement timeout bounds the
 *   work still running behind it (it changes nothing);
 * - a write is never answered before it is decided. Its units of work check the deadline (set in
 *   the request's scope) before they start and before they commit: past it, the transaction rolls
 *   back and the answer is 503, nothing applied; once committed, the answer is the success, however
 *   late. The pool's acquire timeout and the statement timeout bound how late.
 */
export const deadline = (budgetMs: number, scope: { readonly setDeadline: (signal: AbortSignal) => void }) => {
  const problem = () => new ProblemException(edgeProblems.deadlineExceeded(budgetMs));
  const forReads = timeout(budgetMs, problem);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return forReads(c, next);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(problem()), budgetMs);
    scope.setDeadline(controller.signal);
    try {
      await next();
    } finally {
      clearTimeout(timer);
    }
  });
};
