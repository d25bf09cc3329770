import { AsyncLocalStorage } from 'node:async_hooks';
import { Argon2PasswordHasher, JoseTokens, RandomSuffixGenerator } from '@conduit/adapters-crypto';
import { createOrm, createPostgresAdapters, type Orm, type PgBossJobs, type ReplicaRouter } from '@conduit/adapters-db';
import { makeUseCases, TenantDirectory, type UseCases } from '@conduit/app';
import { type IdempotencyKeyRepository, type RequestScope, type ScopedWork, StoredRequestScope, type Tenant } from '@conduit/domain';
import { OFREPProvider } from '@openfeature/ofrep-provider';
import type { Config } from './config.js';
import { type DatabaseMode, type ProvidedDatabase, provideDatabase } from './database.js';
import { flagDefaults } from './feature-flags.js';
import { type Flags, startFlags } from './flags/start-flags.js';
import { signingKeys } from './jwt-secret.js';
import type { Logger } from './logger.js';
import { migrate } from './migrate-database.js';
import { startJobQueue, startReplicas } from './start-services.js';
import { systemClock } from './system-clock.js';
import { startTracing } from './tracing/start-tracing.js';
import { tracedUseCases } from './tracing/traced-use-cases.js';
import { watchChanges } from './watch-changes.js';

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
  /** With DATABASE_REPLICA_URLS: where reads go (past each request's read floor, kept in its scope). */
  readonly replicas?: ReplicaRouter;
  /**
   * What the current work runs for: the one scope every driver enters at its door (a request with
   * its Host's tenant, a command with --tenant, a job with its own) and every adapter reads.
   */
  readonly scope: RequestScope;
  /** Each publication's flags, asked through OpenFeature; the use cases' and the transports' `features`. */
  readonly flags: Flags;
  /** The directory that resolves a Host or a slug to a tenant, and work run for a named tenant or for each. */
  readonly tenants: {
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

export type CoreOptions = {
  /** `exclusive` starts the embedded database (the server); `shared` reuses a running server's (tools). */
  readonly databaseMode: DatabaseMode;
  /** Pooled connections; defaults to DB_POOL_SIZE. */
  readonly poolSize?: number;
  /**
   * Bound the pooled connections each workload (a request's operation) may hold to
   * DB_CONNECTIONS_PER_ROUTE: the server's bulkhead per operation.
   */
  readonly connectionBudgets?: boolean;
  /** Start the job queue (pg-boss, on the same database): drivers that submit or run jobs. */
  readonly jobs?: boolean;
  /**
   * Listen for changes of the tenants and the flags (a long-running server): a tenant added or a flag
   * set by the CLI is served from the next request. Without it, they are read again every
   * TENANT_REFRESH_MS and FLAG_REFRESH_MS.
   */
  readonly watchChanges?: boolean;
};

/**
 * The ORM the server runs on, as the runtime role: every statement for the tenant in scope, its
 * duration added to the work that ran it (Server-Timing: db).
 */
const openOrm = async (
  config: Config,
  database: ProvidedDatabase,
  scope: RequestScope,
  options: Omit<CoreOptions, 'databaseMode'> & { readonly traceStatements: boolean },
): Promise<Orm> =>
  createOrm({
    databaseUrl: database.url,
    replicaUrls: config.DATABASE_REPLICA_URLS,
    poolSize: options.poolSize ?? config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    scope,
    traceStatements: options.traceStatements,
    onQuery: (_sql, durationMs) => {
      scope.current().progress.databaseMs += durationMs;
    },
    ...(options.connectionBudgets
      ? { connectionBudgets: { perWorkload: config.DB_CONNECTIONS_PER_ROUTE, maxWaitMs: config.DB_ACQUIRE_TIMEOUT_MS } }
      : {}),
  });

/**
 * Configuration in, use cases out: database (configured or embedded), ORM with migrations applied,
 * adapters, hashing, tokens, clock. The one composition every driver shares; each adds only its
 * transport. On failure, what was already started is stopped again.
 */
export const composeCore = async (config: Config, logger: Logger, options: CoreOptions): Promise<Core> => {
  const tracing = await startTracing(config, 'conduit', logger);
  const database = await provideDatabase(config, logger, options.databaseMode);
  try {
    const { applied, bypassesRowSecurity: bypasses } = await migrate(config, logger, database);
    const scope = new StoredRequestScope(new AsyncLocalStorage<ScopedWork>());
    const orm = await openOrm(config, database, scope, { ...options, traceStatements: tracing.exporting });
    try {
      const tokens = new JoseTokens({
        keys: await signingKeys(config),
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        ttlSeconds: config.JWT_TTL_SECONDS,
        leewaySeconds: 30,
        currentTenant: scope.currentTenantId,
      });
      let stopping = false;
      const isStopping = () => stopping;
      const jobs = options.jobs ? await startJobQueue(logger, database.url, scope, isStopping, tracing.exporting) : undefined;
      const replicas = config.DATABASE_REPLICA_URLS.length > 0 ? await startReplicas(config, logger, orm) : undefined;
      const adapters = createPostgresAdapters(orm, {
        scope,
        ...(replicas ? { replicas } : {}),
        ...(jobs ? { queueIn: (em) => jobs.queueIn(em) } : {}),
      });
      const made = makeUseCases({
        ...adapters,
        passwordHasher: new Argon2PasswordHasher(),
        tokenIssuer: tokens,
        clock: systemClock,
        suffixes: new RandomSuffixGenerator(),
        tenancy: { ...adapters.tenancy, runIn: (tenant, work) => scope.run({ tenant }, work) },
        flagDefaults: flagDefaults(config),
      });
      const useCases = tracing.exporting ? tracedUseCases(made) : made;
      const directory = new TenantDirectory(
        { tenants: adapters.tenancy.tenants, clock: systemClock },
        { refreshMs: config.TENANT_REFRESH_MS, unknownHost: config.TENANT_UNKNOWN_HOST },
      );
      const flags = startFlags({
        scope,
        clock: systemClock,
        logger,
        settings: () => adapters.repositories.flags.settings(),
        tenantById: (id) => directory.byId(id),
        defaults: flagDefaults(config),
        refreshMs: config.FLAG_REFRESH_MS,
        ...(config.FLAG_OFREP_URL ? { provider: new OFREPProvider({ baseUrl: config.FLAG_OFREP_URL }) } : {}),
      });
      const changes = options.watchChanges
        ? await watchChanges(database.url, { directory, flags: flags.book, logger, isStopping })
        : undefined;
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
        scope,
        flags,
        tenants: {
          directory,
          runNamed: async (slug, work) => {
            const tenant = (await directory.all()).find((candidate) => candidate.slug === slug);
            if (tenant === undefined) throw new UnknownTenant(slug);
            return scope.run({ tenant }, work);
          },
          each: async (work) => {
            const results = [];
            for (const tenant of await directory.all())
              results.push({ tenant, value: await scope.runApart({ tenant }, () => work(tenant)) });
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
          await replicas?.stop();
          await orm.close();
          await database.stop();
          // The spans not yet sent, sent now.
          await tracing.shutdown();
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
