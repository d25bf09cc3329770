import { Argon2PasswordHasher, JoseTokens, RandomSuffixGenerator } from '@conduit/adapters-crypto';
import {
  bypassesRowSecurity,
  type ConnectionBudgets,
  createOrm,
  createPostgresAdapters,
  grantRuntimeRole,
  grantRuntimeRoleJobQueue,
  isDatabaseUnavailable,
  migrateToLatest,
  type Orm,
  PgBossJobs,
  ReadScope,
  ReplicaRouter,
  replicaConnections,
  roleOf,
  runtimeRoleReady,
  type StatementHook,
  TenantChanges,
} from '@conduit/adapters-db';
import { makeUseCases, TenantDirectory, type UseCases } from '@conduit/app';
import type { IdempotencyKeyRepository, Tenant, UnitOfWorkScope } from '@conduit/domain';
import type { Config } from './config.js';
import { type DatabaseMode, type ProvidedDatabase, provideDatabase } from './database.js';
import { signingKeys } from './jwt-secret.js';
import type { Logger } from './logger.js';
import { REPEATED_FAILURE_INTERVAL_MS, reportRepeatedFailures } from './repeated-failures.js';
import { systemClock } from './system-clock.js';
import { TenantScope } from './tenant-scope.js';

/** A tenant named by an operator (--tenant, CONDUIT_TENANT) that does not exist. */
export class UnknownTenant extends Error {
  override readonly name = 'UnknownTenant';
  constructor(readonly slug: string) {
    super(`no tenant named "${slug}" (conduit tenants list)`);
  }
}

/** What every driver (server, command line, job worker) runs on: the same wiring, whatever its transport. */
export type Core = {
  readonly config: Config;
  readonly logger: Logger;
  readonly database: ProvidedDatabase;
  readonly orm: Orm;
  readonly useCases: UseCases;
  /** Keys of writes and their answers, for a transport that takes `Idempotency-Key`. */
  readonly idempotencyKeys: IdempotencyKeyRepository;
  readonly tokens: JoseTokens;
  /** The migrations this start applied, in order (none when the database was up to date). */
  readonly appliedMigrations: readonly string[];
  /**
   * Whether the role this process runs as bypasses row-level security (a superuser or BYPASSRLS):
   * then only the statements' own tenant predicates keep publications apart.
   */
  readonly bypassesRowSecurity: boolean;
  /** The job queue, when `jobs` was asked for: this process can then submit jobs, and run them. */
  readonly jobs?: PgBossJobs;
  /** With DATABASE_REPLICA_URLS: where reads go, and each request's read scope (the transport enters it per request). */
  readonly replicas?: Replicas;
  /**
   * Which tenant work runs for: the scope every driver enters (a request by its Host, a command by
   * --tenant, a job by its own), and the directory that resolves a Host or a slug to a tenant.
   */
  readonly tenants: {
    readonly scope: TenantScope;
    readonly directory: TenantDirectory;
    /** Runs `work` for the tenant named `slug` (a command's --tenant, a script's CONDUIT_TENANT); an unknown name throws. */
    runNamed<T>(slug: string, work: () => Promise<T>): Promise<T>;
    /** Runs `work` for every tenant in turn (sweeps, gauges): what it returned for each. */
    each<T>(work: (tenant: Tenant) => Promise<T>): Promise<{ readonly tenant: Tenant; readonly value: T }[]>;
  };
  /**
   * Says the process is stopping as planned (a signal, before draining): from now on a dependency's
   * connection closing under it (an embedded database that heard the same Ctrl-C) is expected, and
   * logged at debug, not as a warning. `close` says it too.
   */
  beginStop(): void;
  /** Stops what the core started: the job queue (handing back a job in progress), the pool, then the embedded database. */
  close(): Promise<void>;
};

/** `currentDeadline` and `currentIdempotencyClaim`: the current request's, which its units of work honour (the server's). */
export type CoreOptions = UnitOfWorkScope & {
  /** `exclusive` starts the embedded database (the server); `shared` reuses a running server's (tools). */
  readonly databaseMode: DatabaseMode;
  /** Pooled connections; defaults to DB_POOL_SIZE. */
  readonly poolSize?: number;
  /** Called after every statement (the server adds database time to its request's timing). */
  readonly onQuery?: StatementHook;
  /** Per-workload bounds on pooled connections (the server's bulkhead per operation). */
  readonly connectionBudgets?: ConnectionBudgets;
  /** Start the job queue (pg-boss, on the same database): drivers that submit or run jobs. */
  readonly jobs?: boolean;
  /**
   * Where a transport keeps each request's read floor (with replicas), entering it per request; a
   * driver without requests (a command, a worker) leaves it out and shares one for the process.
   */
  readonly readScope?: ReadScope;
  /**
   * Listen for changes of the tenants (a long-running server): a tenant added by the CLI is served
   * from its first request. Without it, they are read again every TENANT_REFRESH_MS.
   */
  readonly watchTenants?: boolean;
};

/** What a process running as a role row-level security does not hold says of itself, once, at start. */
export const ROW_SECURITY_BYPASSED =
  "this role bypasses row-level security (a superuser or BYPASSRLS): only the application's tenant predicates keep publications apart; for a second wall, run as a role that owns no table (DATABASE_URL) and migrate as the owner (DATABASE_MIGRATION_URL)";

/**
 * Applies every pending migration as the tables' owner (idempotent: a no-op when none is). When the
 * server runs as another role, the owner also installs the job queue's schema, and grants that role
 * what it needs on everything there is. Returns the migrations applied, in order. Started with
 * DATABASE_URL alone as a runtime role, a server finds nothing pending (a migration job ran
 * `conduit migrate` as the owner first) and starts; with something pending, it says it cannot.
 */
const migrate = async (
  config: Config,
  logger: Logger,
  database: ProvidedDatabase,
): Promise<{ readonly applied: string[]; readonly bypassesRowSecurity: boolean }> => {
  const owner = await createOrm({
    databaseUrl: database.ownerUrl,
    poolSize: 1,
    statementTimeoutMs: 0,
    createDatabaseIfMissing: config.NODE_ENV !== 'production',
  });
  try {
    const applied = await migrateToLatest(owner);
    const runtimeRole = roleOf(database.url);
    const separate = runtimeRole !== roleOf(database.ownerUrl);
    if (separate && (applied.length > 0 || !(await runtimeRoleReady(database.ownerUrl, runtimeRole, PgBossJobs.SCHEMA)))) {
      await grantRuntimeRole(database.ownerUrl, runtimeRole);
      await PgBossJobs.install(database.ownerUrl);
      await grantRuntimeRoleJobQueue(database.ownerUrl, runtimeRole, PgBossJobs.SCHEMA);
    }
    const bypasses = await bypassesRowSecurity(database.url);
    if (bypasses) logger.warn({ role: roleOf(database.url) }, ROW_SECURITY_BYPASSED);
    return { applied, bypassesRowSecurity: bypasses };
  } finally {
    await owner.close();
  }
};

/** The ORM the server runs on, as the runtime role; every statement for the tenant in scope. */
const openOrm = async (
  config: Config,
  database: ProvidedDatabase,
  tenants: TenantScope,
  options: Omit<CoreOptions, 'databaseMode'>,
): Promise<Orm> =>
  createOrm({
    databaseUrl: database.url,
    replicaUrls: config.DATABASE_REPLICA_URLS,
    poolSize: options.poolSize ?? config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    currentTenant: tenants.currentId,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
    ...(options.connectionBudgets ? { connectionBudgets: options.connectionBudgets } : {}),
  });

/**
 * For a process that starts others on one database (the cluster's primary): the database
 * (configured, or the embedded one, started here and stopped by `stop`), migrated once, so the
 * processes it starts find nothing to migrate and never race each other at it.
 */
export const prepareDatabase = async (config: Config, logger: Logger): Promise<ProvidedDatabase> => {
  const database = await provideDatabase(config, logger, 'exclusive');
  try {
    await migrate(config, logger, database);
    return database;
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
};

/**
 * pg-boss on the application's database; its schema is installed or migrated on first start (by the
 * owner beforehand when the server runs as another role: see migrate). Jobs are queued for the
 * tenant in scope.
 */
const startJobQueue = async (logger: Logger, databaseUrl: string, tenants: TenantScope, stopping: () => boolean): Promise<PgBossJobs> => {
  // While the database is away, pg-boss's pollers fail every few seconds: warnings, counted.
  const unavailable = reportRepeatedFailures(logger, {
    level: 'warn',
    message: 'job queue: database unavailable',
    intervalMs: REPEATED_FAILURE_INTERVAL_MS,
    fields: { component: 'jobs' },
  });
  const jobs = new PgBossJobs({
    databaseUrl,
    currentTenant: tenants.currentId,
    onError: (error) =>
      stopping() && isDatabaseUnavailable(error)
        ? logger.debug({ err: error, component: 'jobs' }, 'job queue: connection closed while stopping')
        : isDatabaseUnavailable(error)
          ? unavailable(error)
          : logger.error({ err: error, component: 'jobs' }, 'job queue error'),
  });
  await jobs.start();
  return jobs;
};

export type Replicas = { readonly router: ReplicaRouter; readonly readScope: ReadScope };

/**
 * The replicas' router, checked once before the first request (a replica serves no read before its
 * first check), then every quarter of the lag bound: a replica is known to be within the bound at
 * most that long after it stopped being.
 */
const startReplicas = async (config: Config, logger: Logger, orm: Orm, readScope: ReadScope): Promise<Replicas> => {
  const router = new ReplicaRouter(orm, replicaConnections(orm), {
    maxLagMs: config.REPLICA_MAX_LAG_MS,
    checkIntervalMs: Math.max(25, Math.floor(config.REPLICA_MAX_LAG_MS / 4)),
    checkTimeoutMs: config.READINESS_TIMEOUT_MS,
    onChange: (replica) =>
      replica.up
        ? logger.info({ replica: replica.name }, 'read replica up')
        : logger.warn({ replica: replica.name }, 'read replica down: its reads go elsewhere'),
  });
  await router.start();
  for (const replica of router.states()) {
    if (!replica.up)
      logger.warn({ replica: replica.name }, 'read replica not answering at start: its reads go to the primary until it does');
  }
  return { router, readScope };
};

/**
 * Configuration in, use cases out: database (configured or embedded), ORM with migrations applied,
 * adapters, hashing, tokens, clock. The one composition every driver shares; each adds only its
 * transport. On failure, what was already started is stopped again.
 */
export const composeCore = async (config: Config, logger: Logger, options: CoreOptions): Promise<Core> => {
  const database = await provideDatabase(config, logger, options.databaseMode);
  try {
    const { applied, bypassesRowSecurity: bypasses } = await migrate(config, logger, database);
    const scope = new TenantScope();
    const orm = await openOrm(config, database, scope, options);
    try {
      const tokens = new JoseTokens({
        keys: await signingKeys(config),
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        ttlSeconds: config.JWT_TTL_SECONDS,
        leewaySeconds: 30,
        currentTenant: scope.currentId,
      });
      let stopping = false;
      const isStopping = () => stopping;
      const jobs = options.jobs ? await startJobQueue(logger, database.url, scope, isStopping) : undefined;
      const replicas =
        config.DATABASE_REPLICA_URLS.length > 0
          ? await startReplicas(config, logger, orm, options.readScope ?? new ReadScope())
          : undefined;
      const adapters = createPostgresAdapters(orm, {
        ...(replicas ? { replicas } : {}),
        ...(jobs ? { queueIn: (em) => jobs.queueIn(em) } : {}),
        ...(options.currentDeadline ? { currentDeadline: options.currentDeadline } : {}),
        ...(options.currentIdempotencyClaim ? { currentIdempotencyClaim: options.currentIdempotencyClaim } : {}),
      });
      const useCases = makeUseCases({
        ...adapters,
        passwordHasher: new Argon2PasswordHasher(),
        tokenIssuer: tokens,
        clock: systemClock,
        suffixes: new RandomSuffixGenerator(),
        tenancy: { ...adapters.tenancy, runIn: scope.runIn },
      });
      const directory = new TenantDirectory(
        { tenants: adapters.tenancy.tenants, clock: systemClock },
        { refreshMs: config.TENANT_REFRESH_MS, unknownHost: config.TENANT_UNKNOWN_HOST },
      );
      const changes = options.watchTenants
        ? new TenantChanges(database.url, {
            onError: (error) =>
              isStopping()
                ? logger.debug({ err: error }, 'tenant changes: listening connection closed while stopping')
                : logger.warn({ err: error }, 'tenant changes: listening connection lost; listening again'),
          })
        : undefined;
      await changes?.listen(() => directory.changed());
      return {
        config,
        logger,
        database,
        orm,
        useCases,
        idempotencyKeys: adapters.repositories.idempotencyKeys,
        tokens,
        appliedMigrations: applied,
        bypassesRowSecurity: bypasses,
        ...(jobs ? { jobs } : {}),
        ...(replicas ? { replicas } : {}),
        tenants: {
          scope,
          directory,
          runNamed: async (slug, work) => {
            const tenant = (await directory.all()).find((candidate) => candidate.slug === slug);
            if (tenant === undefined) throw new UnknownTenant(slug);
            return scope.run(tenant, work);
          },
          each: async (work) => {
            const results = [];
            for (const tenant of await directory.all()) results.push({ tenant, value: await scope.run(tenant, () => work(tenant)) });
            return results;
          },
        },
        beginStop: () => {
          stopping = true;
        },
        close: async () => {
          stopping = true;
          await changes?.close();
          await jobs?.stop(config.SHUTDOWN_GRACE_MS);
          await replicas?.router.stop();
          await orm.close();
          await database.stop();
        },
      };
    } catch (error) {
      await orm.close().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
};
