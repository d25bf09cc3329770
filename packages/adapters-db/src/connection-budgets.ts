import type { Deadline, WorkProgress } from '@conduit/domain';
import { Semaphore } from 'async-mutex';
import { TurnOrder } from './turn-order.js';

/**
 * Bounds per workload (the request scope's: a request's operation). Code running outside any
 * workload (migrations, the job worker) has no budget. A statement past its work's deadline takes no
 * connection, unless its work has passed its commit point (a write that committed late still reads
 * back what it wrote): its request has been answered, and under overload a queue of such statements
 * would hold back every live one behind it (each waiting out `maxWaitMs`, then spending a connection
 * on work nobody waits for) until no request finishes in time at all.
 */
export type ConnectionBudgets = {
  /** Pooled connections one workload may hold at once. */
  readonly perWorkload: number;
  /** How long a statement may wait for its workload's turn; then it fails as "database busy". */
  readonly maxWaitMs: number;
};

/** Worded as pg-pool's own acquire timeout, so it is recognised as "unavailable" (503), not a defect. */
const busy = () => new Error('timeout exceeded when trying to connect (connection budget of this workload)');

/** Past the deadline, with nothing committed that the work must still finish. */
const expired = (deadline: Deadline | undefined): boolean => deadline?.aborted === true && deadline.pastCommitPoint !== true;

/** How often a waiting statement looks at its deadline (a Deadline has no event to listen to). */
const DEADLINE_POLL_MS = 50;

/** Resolves null at `until`, or sooner once the deadline has passed; `cancel` stops looking. */
const givingUp = (until: number, deadline: Deadline | undefined) => {
  let timer: NodeJS.Timeout | undefined;
  const outcome = new Promise<null>((resolve) => {
    const look = () => {
      const left = until - Date.now();
      if (left <= 0 || expired(deadline)) return resolve(null);
      timer = setTimeout(look, deadline ? Math.min(left, DEADLINE_POLL_MS) : left);
    };
    look();
  });
  return { outcome, cancel: () => clearTimeout(timer) };
};

/** A workload's gate: its turns, and the order its waiters get them in. */
type Gate = { readonly turns: Semaphore; readonly order: TurnOrder };

/**
 * A turn for `work`, or null when none came by `until` or before the deadline; a turn that comes
 * later is handed straight back.
 */
const turn = async (gate: Gate, until: number, work: WorkProgress): Promise<(() => void) | null> => {
  const { deadline } = work;
  if (!gate.turns.isLocked()) return (await gate.turns.acquire())[1];
  let gaveUp = false;
  const acquired = gate.turns.acquire(1, gate.order.priorityOf(work)).then(([, release]) => {
    if (gaveUp) release();
    return release;
  });
  const giveUp = givingUp(until, deadline);
  const outcome = await Promise.race([acquired, giveUp.outcome]);
  giveUp.cancel();
  if (outcome === null) {
    gaveUp = true;
    gate.order.gaveUp();
  }
  return outcome;
};

/**
 * The pooled connections kept for workloads that hold none: `max(2, pool / 4)`. Caps per workload
 * do not add up to a guarantee (every operation that reads a locked table gets stuck at its cap, and
 * a handful of them fill the pool); the reserve does: once only this many are left, a workload that
 * already holds a connection waits for one to come back, so an operation that is not stuck, and
 * holds nothing, still finds one.
 */
export const reservedConnections = (poolSize: number): number => Math.min(poolSize - 1, Math.max(2, Math.floor(poolSize / 4)));

/** What the budgets read of the pool: its size, the connections taken, and a signal when one comes back. */
export type PoolGauge = {
  readonly size: number;
  /** Connections handed out now (in use, or being opened). */
  readonly taken: () => number;
  readonly onRelease: (listener: () => void) => void;
};

/** A connection's turn within its workload's budget: given back once, when the connection is. */
export type Turn = { readonly leave: () => void };

/**
 * A bulkhead at the pool, in two parts.
 * - Each workload (one API operation) may hold at most `perWorkload` pooled connections at once.
 * - The last `reservedConnections` of the pool go only to workloads that hold none.
 *
 * When one table is slow (locked, a bad plan), the statements waiting on it hold connections of the
 * operations that use it, never the reserve beyond one each, and every other operation keeps a
 * connection. Bounding connections rather than whole requests keeps the cost out of the normal case:
 * a request holds a connection only while its statements run, so a busy but healthy operation
 * rarely reaches its budget, and waits for the reserve only as long as its own connections take to
 * come back.
 *
 * `connect` is the pool's own; the result wraps it for one workload (pg-pool-hooks.ts puts it in
 * front of the pool's `connect`, which both the ORM, through Kysely, and `pool.query` go through).
 */
export const budgetedConnect = <C>(
  pool: PoolGauge,
  connect: () => Promise<C>,
  budgets: ConnectionBudgets,
  currentWork: () => WorkProgress,
) => {
  const gates = new Map<string, Gate>();
  const reserve = reservedConnections(pool.size);
  /** Connections each workload holds now (or is connecting). */
  const holding = new Map<string, number>();
  const heldBy = (workload: string) => holding.get(workload) ?? 0;
  const hold = (workload: string, delta: number) => {
    const count = heldBy(workload) + delta;
    if (count === 0) holding.delete(workload);
    else holding.set(workload, count);
  };
  /** Admitted, and not yet handed over by the pool (which hands an idle one over on its next tick). */
  let acquiring = 0;
  /** Connections nobody holds or is about to: idle in the pool, or not yet opened. */
  const free = () => pool.size - pool.taken() - acquiring;
  const mayTake = (workload: string) => free() > reserve || heldBy(workload) === 0;
  /** Woken whenever a connection comes back (from any workload, or from none). */
  let wake: (() => void)[] = [];
  pool.onRelease(() => {
    const waiting = wake;
    wake = [];
    for (const resolve of waiting) resolve();
  });
  /**
   * True once `workload` may take a connection (see mayTake), counted as taken in the same step, so
   * that two admitted at once both count; false if that does not happen by `until`.
   */
  const admitted = async (workload: string, until: number, deadline: Deadline | undefined): Promise<boolean> => {
    while (!mayTake(workload)) {
      const left = until - Date.now();
      if (left <= 0 || expired(deadline)) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, DEADLINE_POLL_MS));
        wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    hold(workload, 1);
    acquiring += 1;
    return true;
  };
  const gateOf = (workload: string) => {
    let gate = gates.get(workload);
    if (gate === undefined) {
      gate = { turns: new Semaphore(budgets.perWorkload), order: new TurnOrder() };
      gates.set(workload, gate);
    }
    return gate;
  };

  /**
   * A connection for `workload` and its turn; "busy" once none came within `maxWaitMs` or once the
   * current deadline has passed (before the wait, or during it). Busy rather than the deadline's own
   * reason: the drivers between wrap what a connect throws, and "busy" is what every layer above
   * already reads as "unavailable, nothing done" (503).
   */
  return async (workload: string): Promise<{ connection: C; turn: Turn }> => {
    const work = currentWork();
    const { deadline } = work;
    if (expired(deadline)) throw busy();
    const until = Date.now() + budgets.maxWaitMs;
    const gate = gateOf(workload);
    const leaveGate = await turn(gate, until, work);
    if (leaveGate === null) throw busy();
    gate.order.took(work);
    if (!(await admitted(workload, until, deadline))) {
      leaveGate();
      throw busy();
    }
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      hold(workload, -1);
      leaveGate();
    };
    try {
      const connection = await connect().finally(() => {
        acquiring -= 1;
      });
      return { connection, turn: { leave } };
    } catch (error) {
      leave();
      throw error;
    }
  };
};
