import { Semaphore } from 'async-mutex';
import type { Pool, PoolClient } from 'pg';

export type ConnectionBudgets = {
  /** Pooled connections one workload may hold at once. */
  readonly perWorkload: number;
  /** How long a statement may wait for its workload's turn; then it fails as "database busy". */
  readonly maxWaitMs: number;
  /** The workload of the code running now (e.g. the request's operation); none means no budget. */
  readonly currentWorkload: () => string | undefined;
};

/** Worded as pg-pool's own acquire timeout, so it is recognised as "unavailable" (503), not a defect. */
const busy = () => new Error('timeout exceeded when trying to connect (connection budget of this workload)');

/** A turn, or null when none came within the wait; a turn that comes later is handed straight back. */
const turn = async (gate: Semaphore, maxWaitMs: number): Promise<(() => void) | null> => {
  if (!gate.isLocked()) return (await gate.acquire())[1];
  let timer: NodeJS.Timeout | undefined;
  let gaveUp = false;
  const acquired = gate.acquire().then(([, release]) => {
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
 * A bulkhead at the pool: each workload (one API operation) may hold at most `perWorkload` pooled
 * connections at once. When one table is slow (locked, a bad plan), the statements waiting on it
 * hold their own workload's connections only, and every other operation keeps the rest of the pool.
 * Bounding connections rather than whole requests keeps the cost out of the normal case: a request
 * holds a connection only while its statements run, so a busy but healthy operation rarely reaches
 * its budget.
 *
 * Installed on the pool MikroORM creates (`onPoolCreated`), in front of `connect`, which both the
 * ORM (through Kysely) and `pool.query` (the read models) go through.
 */
export const budgetConnections = (pool: Pool, budgets: ConnectionBudgets): void => {
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const gates = new Map<string, Semaphore>();
  const gateOf = (workload: string) => {
    let gate = gates.get(workload);
    if (gate === undefined) {
      gate = new Semaphore(budgets.perWorkload);
      gates.set(workload, gate);
    }
    return gate;
  };

  const connectWithin = async (workload: string): Promise<PoolClient> => {
    const leave = await turn(gateOf(workload), budgets.maxWaitMs);
    if (leave === null) throw busy();
    let client: PoolClient;
    try {
      client = await connect();
    } catch (error) {
      leave();
      throw error;
    }
    const release = client.release.bind(client);
    let left = false;
    client.release = (error?: Error | boolean) => {
      if (!left) {
        left = true;
        leave();
      }
      return release(error);
    };
    return client;
  };

  type Callback = (error: Error | undefined, client?: PoolClient, done?: (error?: Error | boolean) => void) => void;
  pool.connect = ((callback?: Callback) => {
    const workload = budgets.currentWorkload();
    if (workload === undefined) return callback ? (connect as unknown as (cb: Callback) => void)(callback) : connect();
    const connected = connectWithin(workload);
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error),
    );
    return undefined;
  }) as typeof pool.connect;
};
