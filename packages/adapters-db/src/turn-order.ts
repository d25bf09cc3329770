/**
 * How long the queue is served newest first after a waiter last gave up (at its deadline, or past
 * the longest wait): long enough to outlast a burst of retries, short enough that a queue that
 * drains in time is soon first come, first served again.
 */
export const OVERLOAD_MEMORY_MS = 5_000;

/** Above every arrival: work that already had a turn finishes before new work starts. */
const CONTINUING = Number.MAX_SAFE_INTEGER;

/**
 * The order in which the statements waiting for one workload's turn get it (async-mutex's
 * priorities: higher first, equal in order of arrival).
 * - Work that already had a turn (a request's second statement, its transaction, the answer it
 *   keeps) goes first: its budget is partly spent, and finishing it is what frees its connection.
 * - New work is served first come, first served while every waiter gets its turn in time.
 * - Once waiters give up (the queue is longer than their budgets), the newest arrival goes first,
 *   as adaptive LIFO does. Every waiter gives up at its work's deadline, so a first-come queue that
 *   has grown past the deadline serves only the waiters about to give up: each gets its connection
 *   with no budget left to use it, its work rolls back at the deadline, and no request finishes in
 *   time at all, however many the database could serve (and a retrying client makes it worse).
 *   Served newest first, a waiter has its whole budget ahead of it; the oldest give up, answered 503
 *   with nothing done, as they would have been anyway. Until waiters stop giving up for
 *   OVERLOAD_MEMORY_MS: a busy queue that serves everyone in time stays fair.
 */
export class TurnOrder {
  /** Work that has had a turn here (a request's progress: one object per request). */
  private readonly started = new WeakSet<object>();
  private lastGaveUpAt = Number.NEGATIVE_INFINITY;
  private arrivals = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The priority of a statement of `work` about to wait for its turn. */
  priorityOf(work: object | undefined): number {
    if (work !== undefined && this.started.has(work)) return CONTINUING;
    if (this.now() - this.lastGaveUpAt >= OVERLOAD_MEMORY_MS) return 0;
    this.arrivals += 1;
    return this.arrivals;
  }

  /** `work` had its turn: its later statements continue it. */
  took(work: object | undefined): void {
    if (work !== undefined) this.started.add(work);
  }

  /** A waiter gave up before its turn came: the queue is longer than the budgets. */
  gaveUp(): void {
    this.lastGaveUpAt = this.now();
  }
}
