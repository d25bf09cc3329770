import pg from 'pg';
import { TENANT_SETTING } from '../records/tenant-column.js';

/*
 * How every statement carries its tenant without costing a round trip. Each one is sent as
 *
 *   Bind/Execute "conduit_set_tenant"(tenant)  -- select … where set_config('conduit.tenant', $1, true) …
 *   Parse/Bind/Describe/Execute the statement
 *   Sync
 *
 * Everything before one Sync runs in one transaction (an implicit one outside BEGIN … COMMIT, the
 * open one inside), so `set_config(…, true)` holds for exactly that statement, or for the rest of
 * the transaction it is part of, and is gone when it ends: a pooled connection keeps no tenant
 * between uses. The answer to the first part (no row) is dropped, so the caller sees its statement's
 * result alone. One message exchange, as before; the cost is one more Bind/Execute of a prepared
 * statement. Transaction control (BEGIN, COMMIT, ROLLBACK, savepoints) goes unchanged: a ROLLBACK
 * must reach PostgreSQL even in a transaction that already failed, where anything sent before it
 * would fail and take the ROLLBACK down with it.
 */

/*
 * A reach into node-postgres's internals, written for pg 8.23.0 (the one version in the lockfile:
 * `overrides` in pnpm-workspace.yaml). No public API serves: pg sends each query as its own
 * Parse/Bind/Execute/Sync, and the tenant's setting must share the statement's Sync to hold for
 * that statement alone without a round trip more. So this module subclasses pg's `Query`, overriding
 * `prepare` (what it writes before its Sync) and `handleCommandComplete` (to drop the first part's
 * answer). `tenant-statements.internals.test.ts` fails, naming what changed, when an upgrade moves
 * either; the pool hooks (pg-pool-hooks.ts) use only pg's public `Pool` and `Client` surface.
 */
export const PG_VERSION_WRITTEN_FOR = '8.23.0';

/** The statement each connection prepares once, when it connects, to set the tenant by. */
const SET_TENANT = 'conduit_set_tenant';
export const PREPARE_SET_TENANT = `prepare ${SET_TENANT}(text) as select 1 where set_config('${TENANT_SETTING}', $1, true) is null`;

/**
 * Sent with it, once per connection: no parallel workers for the application's statements. They
 * are short (a page, a row, a counter); a parallel plan starts worker processes for each of them.
 * Measured: at 1,000,000 articles an anonymous list page's `exists (… favorites where user_id =
 * NULL)` was planned as a Gather of two workers over a scan that never runs (its filter is false),
 * and each page waited 24-70 ms for the workers to start: 185-227 pages a second against 943 signed
 * in (docs/benchmarks.md).
 */
export const NO_PARALLEL_WORKERS = 'set max_parallel_workers_per_gather = 0';

const TRANSACTION_CONTROL = /^\s*(begin|start\s+transaction|commit|end|rollback|abort|savepoint|release|prepare\s+transaction)\b/i;

/** Statements that must be sent as they are, whatever the tenant. */
export const isTransactionControl = (text: string): boolean => TRANSACTION_CONTROL.test(text);

/** What a query is made of: pg's own config type, as far as these statements use it. */
export type StatementConfig = {
  text: string;
  values?: unknown[];
  name?: string;
  rowMode?: 'array';
  types?: unknown;
};

/** node-postgres's callback of a query. */
export type Callback = (error: Error | null, result: unknown) => void;

/** The part of pg's connection the first part is written to (pg/lib/connection.js). */
type Connection = {
  bind(config: { portal: string; statement: string; values: unknown[] }): void;
  execute(config: { portal: string; rows?: number }): void;
};

/** pg's Query as this file extends it: the members it overrides or calls, which @types/pg leaves out. */
type QueryInternals = {
  prepare(connection: Connection): void;
  handleCommandComplete(message: unknown, connection: Connection): void;
  queryMode?: string;
};
const Query = pg.Query as unknown as new (config: StatementConfig & { callback: Callback }) => QueryInternals;

/** A statement preceded, in the same Sync, by setting its transaction's tenant. */
class TenantStatement extends Query {
  private setterCompleted = false;

  constructor(
    config: StatementConfig,
    private readonly tenant: string,
    callback: Callback,
  ) {
    super({ ...config, callback });
    // Even a statement without parameters goes as Parse/Bind/Execute, so that it shares the Sync.
    this.queryMode = 'extended';
  }

  override prepare(connection: Connection): void {
    connection.bind({ portal: '', statement: SET_TENANT, values: [this.tenant] });
    connection.execute({ portal: '', rows: 0 });
    super.prepare(connection);
  }

  override handleCommandComplete(message: unknown, connection: Connection): void {
    // The first completion is the setter's: its empty result is not the caller's.
    if (!this.setterCompleted) {
      this.setterCompleted = true;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}

/**
 * Sends `config` on `query` (a connection's own `query`, bound to it) with `tenant` set for its
 * transaction; calls back, or returns a promise, as pg's own `query` would.
 */
export const queryForTenant = (
  query: (submittable: unknown) => unknown,
  config: StatementConfig,
  tenant: number,
  callback?: Callback,
): Promise<unknown> | undefined => {
  if (callback) {
    query(new TenantStatement(config, String(tenant), callback));
    return undefined;
  }
  return new Promise((resolve, reject) => {
    query(new TenantStatement(config, String(tenant), (error, result) => (error ? reject(error) : resolve(result))));
  });
};
