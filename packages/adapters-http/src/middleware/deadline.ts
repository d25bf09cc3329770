import type { Deadline, RequestScope } from '@conduit/domain';
import { createMiddleware } from 'hono/factory';
import { timeout } from 'hono/timeout';
import type { AppEnv } from '../app-env.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { ProblemException } from '../problems/problem-exception.js';

/** Methods that change nothing: answering them early never contradicts the database. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request is answered by its deadline, whatever the database does (a frozen one answers
 * nothing, and enforces none of its own timeouts), and its answer never contradicts the database:
 * - a read is answered 503 DEADLINE_EXCEEDED at the deadline; its deadline passes then too, so its
 *   statements not yet sent take no connection (a queue of answered reads would hold back live
 *   ones), and the database's own statement timeout bounds the one running (it changes nothing);
 * - a write still running at its deadline is answered then too, with what is known. Its units of
 *   work check the deadline before they start and before they commit, and say when they pass that
 *   point (Deadline.committing). Before it, the write will roll back: 503 DEADLINE_EXCEEDED, nothing
 *   applied. Past it (its COMMIT, or its one statement, was sent), it has a tenth of the budget more
 *   to be answered as done; then only the database decides: 503 WRITE_OUTCOME_UNKNOWN. The write goes on behind the answer, and an
 *   Idempotency-Key keeps what it finally answered, so a retry with the same key hears the real
 *   outcome. A write done in time is answered as done, as before.
 */
/**
 * Hono keeps a request's first answer and drops any later one (its public `Context.finalized`). The
 * write behind an early answer gives its own later, and its Idempotency-Key keeps that one: so once
 * the early answer has gone out (the next turn of the event loop), the context takes answers again.
 * Should the write's answer come within that same turn, it is not kept, and a retry hears
 * IDEMPOTENT_ANSWER_LOST: applied, answer not kept (frozen-database.e2e holds the behaviour).
 */
const settleFor = (ms: number): Promise<'late'> => new Promise((resolve) => setTimeout(() => resolve('late'), ms));

const takeAnswersAgain = (c: { finalized: boolean }): void => {
  setImmediate(() => {
    c.finalized = false;
  });
};

export const deadline = (budgetMs: number, scope: RequestScope) => {
  const setDeadline = (deadline: Deadline) => {
    scope.current().progress.deadline = deadline;
  };
  const problem = () => new ProblemException(edgeProblems.deadlineExceeded(budgetMs));
  const marginMs = Math.ceil(budgetMs / 10);
  const forReads = timeout(budgetMs, problem);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) {
      const controller = new AbortController();
      setDeadline(controller.signal);
      // Cleared when the read's own work ends, which may be after its early answer.
      const timer = setTimeout(() => controller.abort(problem()), budgetMs);
      return forReads(c, () => next().finally(() => clearTimeout(timer)));
    }
    const controller = new AbortController();
    let committing = false;
    setDeadline({
      get aborted() {
        return controller.signal.aborted;
      },
      get reason() {
        return controller.signal.reason;
      },
      committing: () => {
        committing = true;
      },
      get pastCommitPoint() {
        return committing;
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => {
        // Aborted first: from this turn on, no unit of work of this request passes its commit point.
        controller.abort(problem());
        resolve('expired');
      }, budgetMs);
    });
    const handled = next().then(() => 'answered' as const);
    try {
      if ((await Promise.race([handled, expired])) === 'answered') return;
      // A commit already on its way usually lands a moment later, on a database that is slow rather
      // than gone: it gets a small margin to be answered as done before it is called unknown.
      if (committing && (await Promise.race([handled, settleFor(marginMs)])) === 'answered') return;
    } finally {
      clearTimeout(timer);
    }
    c.set(
      'workAfterAnswer',
      handled.catch((error: unknown) => c.get('logger').error({ err: error }, 'a write answered at its deadline failed afterwards')),
    );
    takeAnswersAgain(c);
    throw new ProblemException(committing ? edgeProblems.writeOutcomeUnknown(budgetMs) : edgeProblems.deadlineExceeded(budgetMs));
  });
};
