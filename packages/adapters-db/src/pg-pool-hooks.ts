import { createHash } from 'node:crypto';
import type { RequestScope } from '@conduit/domain';
import { trace } from '@opentelemetry/api';
import type { Pool, PoolClient } from 'pg';
import { budgetedConnect, type ConnectionBudgets } from './connection-budgets.js';
import { endStatementSpan, startStatementSpan } from './statement-spans.js';
import { requireTenant } from './tenants/require-tenant.js';
import { TENANT } from './tenants/tenant-predicates.js';
import {
  type Callback,
  isTransactionControl,
  NO_PARALLEL_WORKERS,
  PREPARE_SET_TENANT,
  queryForTenant,
  type StatementConfig,
} from './tenants/tenant-statements.js';

/*
 * The hooks on the pool MikroORM creates for the application (orm.ts, its `onPoolCreated`), which the
 * entity manager, Kysely's compiled statements and `pool.query` all share. They use node-postgres's
 * public surface (`Pool#connect`, the `connect` and `release` events, `Client#query`); the one reach
 * into its internals is tenants/tenant-statements.ts, which says why. pg-boss opens a pool of its own
 * (jobs/pg-boss-jobs.ts, 3 connections, for polling, heartbeats and maintenance) and gets neither: its
 * statements are its own, and a job's batches run on the application pool through the use cases.
 */

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, done: (release?: Error | boolean) => void) => void;

/**
 * Every query of a connection goes through here. Two things happen to it:
 *
 * - Statements sent with parameters are prepared once per connection, under a name derived from
 *   their text, so PostgreSQL parses and plans them once instead of on every request. Those are the
 *   compiled Kysely statements of the read models and counters (a couple of dozen texts); MikroORM
 *   sends its own statements with their values inlined, so they are left unnamed and cannot fill
 *   the per-connection statement cache. pg keeps the prepared names per connection.
 * - With a tenant in scope, the statement carries it (tenants/tenant-statements.ts): one Sync with
 *   the setting, local to its transaction. Without one (migrations, the grants, the tenant table's
 *   own statements) it goes as it is, and sees no tenant-owned row.
 */
const routeQueries = (pool: Pool, scope: RequestScope | undefined, traceStatements: boolean): void => {
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
    const send = (...args: unknown[]): unknown => Reflect.apply(query, client, args);
    // Queued before anything else the connection runs; should it fail, the tenant's statements
    // fail with it (an unknown prepared statement), never run without their tenant. One message of
    // two statements with the connection's setting (tenant-statements.ts says why): pg warns of a
    // query queued behind another.
    if (scope) (send(`${PREPARE_SET_TENANT}; ${NO_PARALLEL_WORKERS}`) as Promise<unknown>).catch(() => undefined);
    const run = (config: StatementConfig, callback?: Callback): unknown => {
      const tenant = scope?.currentTenantId();
      if (config.values !== undefined) config.values = withTenantNamed(config.values, tenant);
      if (tenant === undefined || isTransactionControl(config.text)) return callback ? send(config, callback) : send(config);
      return queryForTenant(send, config, tenant, callback);
    };
    Reflect.set(client, 'query', (...args: unknown[]): unknown => {
      const config = statementConfig(args);
      if (config === undefined) return send(...args);
      if (config.values !== undefined && config.values.length > 0 && config.name === undefined) config.name = nameOf(config.text);
      const callback = args.find((arg): arg is Callback => typeof arg === 'function');
      if (!traceStatements) return run(config, callback);
      // Each statement a span of the work that sent it (statement-spans.ts), only where spans are exported.
      const span = startStatementSpan(config.text, config.name);
      if (callback) {
        return run(config, (error, result) => {
          endStatementSpan(span, error);
          callback(error, result);
        });
      }
      const pending = run(config) as Promise<unknown>;
      pending.then(
        () => endStatementSpan(span),
        (error: unknown) => endStatementSpan(span, error),
      );
      return pending;
    });
  });
};

/**
 * The values of a statement with its tenant predicates' parameter (tenants/tenant-predicates.ts)
 * filled in. A statement of tenant-owned rows with no tenant in scope is a bug: it is refused here,
 * before it is sent, rather than run for no tenant.
 */
const withTenantNamed = (values: unknown[], tenant: number | undefined): unknown[] => {
  if (!values.includes(TENANT)) return values;
  const named = requireTenant(tenant);
  return values.map((value) => (value === TENANT ? named : value));
};

/**
 * A query as pg's `query(text | config, values?, callback?)` takes it, as a config of our own; or
 * undefined for what passes through untouched (a submittable such as a cursor, an unknown shape).
 */
const statementConfig = (args: readonly unknown[]): StatementConfig | undefined => {
  const [first, second] = args;
  const values = Array.isArray(second) ? (second as unknown[]) : undefined;
  if (typeof first === 'string') return { text: first, ...(values ? { values } : {}) };
  if (typeof first !== 'object' || first === null || 'submit' in first) return undefined;
  const text: unknown = Reflect.get(first, 'text');
  if (typeof text !== 'string') return undefined;
  const config = { ...(first as StatementConfig) };
  if (values) config.values = values;
  return config;
};

/** The shortest wait for a connection a trace records as an event. */
const WAIT_WORTH_AN_EVENT_MS = 1;

/**
 * Puts the connection budgets (connection-budgets.ts) in front of the pool's `connect`: a workload's
 * connection counts against its budget until it is released. Code running outside any workload
 * (migrations, the job worker) connects as before.
 */
const budgetConnections = (pool: Pool, budgets: ConnectionBudgets, scope: RequestScope): void => {
  const connect = pool.connect.bind(pool);
  const connectFor = budgetedConnect(
    {
      size: pool.options.max ?? 10,
      taken: () => pool.totalCount - pool.idleCount,
      onRelease: (listener) => pool.on('release', listener),
    },
    () => connect(),
    budgets,
    () => scope.current().progress,
  );
  const connectWithin = async (workload: string): Promise<PoolClient> => {
    const asked = performance.now();
    // On the request's span, where it is recorded: a refusal, and a wait for a connection of
    // WAIT_WORTH_AN_EVENT_MS or more, with the wait and the workload. A connection handed over at
    // once (nearly every one) is no event: it tells a trace's reader nothing and costs each trace.
    const span = trace.getActiveSpan();
    const waited = (event: string, always: boolean) => {
      if (!span?.isRecording()) return;
      const waitMs = performance.now() - asked;
      if (always || waitMs >= WAIT_WORTH_AN_EVENT_MS)
        span.addEvent(event, { 'conduit.workload': workload, 'conduit.connection.wait_ms': waitMs });
    };
    let connected: Awaited<ReturnType<typeof connectFor>>;
    try {
      connected = await connectFor(workload);
    } catch (error) {
      waited('connection refused: busy', true);
      throw error;
    }
    waited('connection acquired', false);
    const { connection: client, turn } = connected;
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
    const { workload } = scope.current();
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
export const hookApplicationPool = (
  pool: Pool,
  options: { readonly budgets?: ConnectionBudgets; readonly scope?: RequestScope; readonly traceStatements?: boolean },
): void => {
  routeQueries(pool, options.scope, options.traceStatements ?? false);
  if (options.budgets && options.scope) budgetConnections(pool, options.budgets, options.scope);
};

/**
 * A read replica's pool: statements named as on the primary's. No budgets: only the read models'
 * statements run there, and a replica that cannot serve one in time sends it to the primary.
 */
export const hookReplicaPool = (pool: Pool, scope: RequestScope | undefined, traceStatements: boolean): void => {
  routeQueries(pool, scope, traceStatements);
};
