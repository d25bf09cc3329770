import type { RequestScope } from '@conduit/domain';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import pg, { type Pool } from 'pg';
import type { ConnectionBudgets } from './connection-budgets.js';
import type { Database } from './kysely/database.js';
import { migrationsList } from './migrations/index.js';
import { hookApplicationPool, hookReplicaPool } from './pg-pool-hooks.js';
import { allRecords, tenantOwnedRecords } from './records/index.js';
import { CURRENT_TENANT_FUNCTION } from './records/tenant-column.js';
import { ReplicaReadingDriver } from './replicas/replica-reading-driver.js';
import type { ReplicaConnection } from './replicas/replica-router.js';
import { type StatementHook, StatementHookLogger } from './statement-hook-logger.js';
import { requireTenant } from './tenants/require-tenant.js';

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
   * The request scope: its tenant (a request's, a command's, a job's) is the one every statement
   * runs for (tenants/tenant-statements.ts), its workload and deadline the connection budgets'.
   * Without it, or with no tenant in scope, statements run for no tenant and see no tenant-owned
   * row: migrations and the grants are such.
   */
  readonly scope?: RequestScope;
  /** Each statement a span (statement-spans.ts): where spans are exported, and only there, as it costs on every statement. */
  readonly traceStatements?: boolean;
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
    driver: ReplicaReadingDriver,
    clientUrl: options.databaseUrl,
    entities: allRecords,
    routines: [CURRENT_TENANT_FUNCTION],
    // The entity manager's own statements name their tenant too (tenants/tenant-predicates.ts says
    // why): `tenant_id = …` on every find, update and delete of a tenant-owned record. Its inserts
    // name it in their data (`tenantId`), as a filter cannot.
    filters: {
      tenant: {
        cond: () => ({ tenantId: requireTenant(options.scope?.currentTenantId()) }),
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
          ...(options.scope ? { scope: options.scope } : {}),
          traceStatements: options.traceStatements ?? false,
        });
      },
    },
    preferReadReplicas: false,
    replicas: (options.replicaUrls ?? []).map((url, index) => ({
      name: replicaName(index),
      clientUrl: url,
      // Reads only: the same timeouts, and pools of the same size, without the per-workload budgets.
      driverOptions: {
        ...connectionOptions,
        onPoolCreated: (pool: Pool) => hookReplicaPool(pool, options.scope, options.traceStatements ?? false),
      },
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

/** The read connections MikroORM made for `replicaUrls`, in their order, for the router to pick by lag. */
export const replicaConnections = (orm: MikroORM): ReplicaConnection[] => {
  const driver = orm.em.getDriver();
  if (!(driver instanceof ReplicaReadingDriver))
    throw new Error('The ORM was not created by createOrm: its read connections are not at hand');
  return driver.readConnections().map((connection, index) => ({ name: replicaName(index), db: connection.getClient<Database>() }));
};

/** Connections in use, idle and awaited, for metrics (zeros before the first connection). */
export const poolUsage = (orm: MikroORM) => {
  const pool = pools.get(orm)?.pool;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
};

/** Applies every pending migration; safe to call at each start. Returns the names of those it applied, in order. */
export const migrateToLatest = async (orm: MikroORM): Promise<string[]> => (await orm.migrator.up()).map((migration) => migration.name);
