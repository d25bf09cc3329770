import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import type { AbstractSqlConnection } from '@mikro-orm/sql';
import pg, { type Pool } from 'pg';
import type { ConnectionBudgets } from './connection-budgets.js';
import type { Database } from './kysely/database.js';
import { migrationsList } from './migrations/index.js';
import { type CurrentTenant, hookApplicationPool, hookReplicaPool } from './pg-pool-hooks.js';
import { allRecords, tenantOwnedRecords } from './records/index.js';
import { CURRENT_TENANT_FUNCTION } from './records/tenant-column.js';
import type { ReplicaConnection } from './replicas/replica-router.js';
import { type StatementHook, StatementHookLogger } from './statement-hook-logger.js';

export type OrmOptions = {
  readonly databaseUrl: string;
  /** Upper bound of pooled connections. */
  readonly poolSize?: number;
  /** Server-side bound on each statement (PostgreSQL `statement_timeout`); absent means none. */
  readonly statementTimeoutMs?: number;
  /** How long a request may wait for a pooled connection before failing fast. */
  readonly acquireTimeoutMs?: number;
  /** Called after every SQL statement the ORM runs, with its duration (database time, tests). */
  readonly onQuery?: StatementHook;
  /**
   * Create the database when it does not exist (development). Off by default: in production a
   * missing database is a wrong DATABASE_URL, not something to paper over with an empty one.
   */
  readonly createDatabaseIfMissing?: boolean;
  /** Per-workload bounds on pooled connections (see connection-budgets.ts); absent means none. */
  readonly connectionBudgets?: ConnectionBudgets;
  /**
   * Read replicas of the database (streaming replication), each with a pool of its own, as MikroORM's
   * own read connections. The entity manager never picks one by itself (`preferReadReplicas: false`:
   * an account read at login must see the sign-up a moment before); the read models go there when
   * the replica router says (see replicas/replica-router.ts).
   */
  readonly replicaUrls?: readonly string[];
  /**
   * The tenant in scope (a request's, a command's, a job's), which every statement then runs for
   * (tenants/tenant-statements.ts). Without it, or with none in scope, statements run for no tenant
   * and see no tenant-owned row: migrations and the grants are such.
   */
  readonly currentTenant?: CurrentTenant;
};

/** The tenant the current statement runs for; a statement of tenant-owned records outside any is a bug, refused. */
export const tenantInScope = (currentTenant: CurrentTenant | undefined): number => {
  const tenant = currentTenant?.();
  if (tenant === undefined) throw new Error('A statement of tenant-owned rows was sent outside any tenant');
  return tenant;
};

/** The ORM handle the composition root passes around, without importing MikroORM itself. */
export type Orm = MikroORM;

/**
 * Connects once before the ORM does, so that a database that is missing (3D000), unreachable or
 * refusing the credentials fails here with the driver's code, rather than being created on the
 * fly by MikroORM's migrator.
 */
const connectOnce = async (databaseUrl: string): Promise<void> => {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** The pool MikroORM created, as its `onPoolCreated` hook handed it over (for usage metrics). */
const pools = new WeakMap<MikroORM, { pool?: Pool }>();

export const createOrm = async (options: OrmOptions): Promise<MikroORM> => {
  if (!options.createDatabaseIfMissing) await connectOnce(options.databaseUrl);
  const created: { pool?: Pool } = {};
  const { onQuery } = options;
  const connectionOptions = {
    application_name: 'conduit',
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.acquireTimeoutMs ? { connectionTimeoutMillis: options.acquireTimeoutMs } : {}),
  };
  const orm = await MikroORM.init({
    clientUrl: options.databaseUrl,
    entities: allRecords,
    routines: [CURRENT_TENANT_FUNCTION],
    // The entity manager's own statements name their tenant too (tenants/tenant-predicates.ts says
    // why): `tenant_id = …` on every find, update and delete of a tenant-owned record. Its inserts
    // name it in their data (`tenantId`), as a filter cannot.
    filters: {
      tenant: {
        cond: () => ({ tenantId: tenantInScope(options.currentTenant) }),
        entity: tenantOwnedRecords,
        default: true,
      },
    },
    extensions: [Migrator],
    migrations: { migrationsList, snapshot: false, transactional: true, silent: true },
    pool: { min: 0, max: options.poolSize ?? 10 },
    // Passed to the pg pool and its connections.
    driverOptions: {
      ...connectionOptions,
      onPoolCreated: (pool: Pool) => {
        created.pool = pool;
        hookApplicationPool(pool, {
          ...(options.connectionBudgets ? { budgets: options.connectionBudgets } : {}),
          ...(options.currentTenant ? { currentTenant: options.currentTenant } : {}),
        });
      },
    },
    preferReadReplicas: false,
    replicas: (options.replicaUrls ?? []).map((url, index) => ({
      name: replicaName(index),
      clientUrl: url,
      // Reads only: the same timeouts, and pools of the same size, without the per-workload budgets.
      driverOptions: { ...connectionOptions, onPoolCreated: (pool: Pool) => hookReplicaPool(pool, options.currentTenant) },
    })),
    allowGlobalContext: false,
    ensureDatabase: options.createDatabaseIfMissing ?? false,
    ...(onQuery ? { loggerFactory: () => new StatementHookLogger(onQuery) } : {}),
  });
  pools.set(orm, created);
  return orm;
};

/** The name of the replica at `index` of DATABASE_REPLICA_URLS, as metrics and logs show it. */
export const replicaName = (index: number): string => `replica-${index + 1}`;

/**
 * The read connections MikroORM made for `replicaUrls`, in their order. MikroORM hands out a random
 * one (`getConnection('read')`); the router must pick by lag, so it takes them all from the driver.
 */
export const replicaConnections = (orm: MikroORM): ReplicaConnection[] => {
  const connections: unknown = Reflect.get(orm.em.getDriver(), 'replicas');
  if (!Array.isArray(connections)) throw new Error('MikroORM no longer keeps its read connections in `replicas`');
  return connections.map((connection: AbstractSqlConnection, index) => ({
    name: replicaName(index),
    db: connection.getClient<Database>(),
  }));
};

/** Connections in use, idle and awaited, for metrics (zeros before the first connection). */
export const poolUsage = (orm: MikroORM) => {
  const pool = pools.get(orm)?.pool;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
};

/** Applies every pending migration; safe to call at each start. Returns the names of those it applied, in order. */
export const migrateToLatest = async (orm: MikroORM): Promise<string[]> => (await orm.migrator.up()).map((migration) => migration.name);
