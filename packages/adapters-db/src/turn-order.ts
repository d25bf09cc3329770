/**
 * How long a workload's queue may stand (never empty) before it is a standing queue: CoDel's
 * interval. A queue that drains within it is a burst, and is served first come, first served.
 */
export const STANDING_QUEUE_MS = 100;

/** Above every arrival: work that already had a turn finishes before new work starts. */
const CONTINUING = Number.MAX_SAFE_INTEGER;

/**
 * The order in which the statements waiting for one workload's turn get it (async-mutex's
 * priorities: higher first, equal in order of arrival). Every waiter gives up at its work's
 * deadline, so under overload a first-come queue serves only the waiters that are about to give up:
 * each gets its connection with no budget left to use it, its work rolls back at the deadline, and
 * no request finishes in time at all, however many the database could serve (a retrying client then
 * makes it worse). So, as adaptive LIFO does:
 * - work that already had a turn (a request's second statement, its transaction, the answer it
 *   keeps) goes first: its budget is partly spent, and finishing it is what frees its connection;
 * - a new arrival waits its turn while the queue drains within STANDING_QUEUE_MS; once the queue
 *   stands longer, the newest arrival goes first, with its whole budget ahead of it, and the oldest
 *   give up at their deadlines, answered 503 with nothing done, as they would have been anyway.
 */
export class TurnOrder {
  /** Work that has had a turn here (a request's progress: one object per request). */
  private readonly started = new WeakSet<object>();
  private waiting = 0;
  /** When the queue last went from empty to waiting. */
  private standingSince = 0;
  private arrivals = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The priority of `work`'s statement, which is about to wait; `left` says when it stops waiting. */
  waitFor(work: object | undefined): { readonly priority: number; readonly left: () => void } {
    const priority = this.priorityOf(work);
    if (this.waiting === 0) this.standingSince = this.now();
    this.waiting += 1;
    let left = false;
    return {
      priority,
      left: () => {
        if (left) return;
        left = true;
        this.waiting -= 1;
      },
    };
  }

  /** `work` had its turn: its later statements continue it. */
  took(work: object | undefined): void {
    if (work !== undefined) this.started.add(work);
  }

  private priorityOf(work: object | undefined): number {
    if (work !== undefined && this.started.has(work)) return CONTINUING;
    const standing = this.waiting > 0 && this.now() - this.standingSince >= STANDING_QUEUE_MS;
    if (!standing) return 0;
    this.arrivals += 1;
    return this.arrivals;
  }
}
