import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { budgetedConnect, type ConnectionBudgets } from './connection-budgets.js';

/*
 * The only code that reaches into node-postgres's objects. Both hooks go on the pool MikroORM creates
 * for the application (orm.ts, its `onPoolCreated`), which the entity manager, Kysely's compiled
 * statements and `pool.query` all share. pg-boss opens a pool of its own (jobs/pg-boss-jobs.ts, 3
 * connections, for polling, heartbeats and maintenance) and gets neither: its statements are its
 * own, and a job's batches run on the application pool through the use cases.
 */

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, done: (release?: Error | boolean) => void) => void;

/**
 * Statements sent with parameters are prepared once per connection, under a name derived from their
 * text, so PostgreSQL parses and plans them once instead of on every request. Those are the compiled
 * Kysely statements of the read models and counters (a couple of dozen texts); MikroORM sends its
 * own statements with their values inlined, so they are left as they are and cannot fill the
 * per-connection statement cache. pg keeps the prepared names per connection and re-prepares on a
 * new one by itself.
 */
const nameParameterizedStatements = (pool: Pool): void => {
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (name === undefined) {
      name = `conduit_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query: unknown = client.query;
    if (typeof query !== 'function') return;
    // Kysely calls `query(text, values)`; everything else (configs, callbacks, no values) passes through.
    Reflect.set(client, 'query', (...args: unknown[]): unknown => {
      const [text, values] = args;
      if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        return Reflect.apply(query, client, [{ name: nameOf(text), text, values }]);
      }
      return Reflect.apply(query, client, args);
    });
  });
};

/**
 * Puts the connection budgets (connection-budgets.ts) in front of the pool's `connect`: a workload's
 * connection counts against its budget until it is released. Code running outside any workload
 * (migrations, the job worker) connects as before.
 */
const budgetConnections = (pool: Pool, budgets: ConnectionBudgets): void => {
  const connect = pool.connect.bind(pool);
  const connectFor = budgetedConnect(
    {
      size: pool.options.max ?? 10,
      taken: () => pool.totalCount - pool.idleCount,
      onRelease: (listener) => pool.on('release', listener),
    },
    () => connect(),
    budgets,
  );
  const connectWithin = async (workload: string): Promise<PoolClient> => {
    const { connection: client, turn } = await connectFor(workload);
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      turn.leave();
      return release(error);
    };
    return client;
  };
  function budgeted(): Promise<PoolClient>;
  function budgeted(callback: ConnectCallback): void;
  function budgeted(callback?: ConnectCallback): Promise<PoolClient> | undefined {
    const workload = budgets.currentWorkload();
    if (workload === undefined) {
      if (callback === undefined) return connect();
      connect(callback);
      return undefined;
    }
    const connected = connectWithin(workload);
    if (callback === undefined) return connected;
    connected.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error, undefined, () => undefined),
    );
    return undefined;
  }
  pool.connect = budgeted;
};

/** Installs both hooks on the application's pool; the budgets only where the process has them (the server). */
export const hookApplicationPool = (pool: Pool, options: { readonly budgets?: ConnectionBudgets }): void => {
  nameParameterizedStatements(pool);
  if (options.budgets) budgetConnections(pool, options.budgets);
};

/**
 * A read replica's pool: statements named as on the primary's. No budgets: only the read models'
 * statements run there, and a replica that cannot serve one in time sends it to the primary.
 */
export const hookReplicaPool = (pool: Pool): void => {
  nameParameterizedStatements(pool);
};
