import { Argon2PasswordHasher, JoseTokens, RandomSuffixGenerator } from '@conduit/adapters-crypto';
import {
  type ConnectionBudgets,
  createOrm,
  createPostgresAdapters,
  type EmbeddedDatabase,
  migrateToLatest,
  type Orm,
  type StatementHook,
} from '@conduit/adapters-db';
import { makeUseCases, type UseCases } from '@conduit/app';
import type { Config } from './config.js';
import { type DatabaseMode, provideDatabase } from './database.js';
import { signingKeys } from './jwt-secret.js';
import type { Logger } from './logger.js';
import { systemClock } from './system-clock.js';

/** What every driver (server, command line, job worker) runs on: the same wiring, whatever its transport. */
export type Core = {
  readonly config: Config;
  readonly logger: Logger;
  readonly database: EmbeddedDatabase;
  readonly orm: Orm;
  readonly useCases: UseCases;
  readonly tokens: JoseTokens;
  /** Stops what the core started: the pool, then the embedded database. */
  close(): Promise<void>;
};

export type CoreOptions = {
  /** `exclusive` starts the embedded database (the server); `shared` reuses a running server's (tools). */
  readonly databaseMode: DatabaseMode;
  /** Pooled connections; defaults to DB_POOL_SIZE. */
  readonly poolSize?: number;
  /** Called after every statement (the server adds database time to its request's timing). */
  readonly onQuery?: StatementHook;
  /** Per-workload bounds on pooled connections (the server's bulkhead per operation). */
  readonly connectionBudgets?: ConnectionBudgets;
};

/** The ORM on the database, with every pending migration applied (idempotent: a no-op when none is). */
const openMigratedOrm = async (config: Config, database: EmbeddedDatabase, options: Omit<CoreOptions, 'databaseMode'>): Promise<Orm> => {
  const orm = await createOrm({
    databaseUrl: database.url,
    poolSize: options.poolSize ?? config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    createDatabaseIfMissing: config.NODE_ENV !== 'production',
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
    ...(options.connectionBudgets ? { connectionBudgets: options.connectionBudgets } : {}),
  });
  try {
    await migrateToLatest(orm);
    return orm;
  } catch (error) {
    await orm.close().catch(() => undefined);
    throw error;
  }
};

/**
 * For a process that starts others on one database (the cluster's primary): the database
 * (configured, or the embedded one, started here and stopped by `stop`), migrated once, so the
 * processes it starts find nothing to migrate and never race each other at it.
 */
export const prepareDatabase = async (config: Config, logger: Logger): Promise<EmbeddedDatabase> => {
  const database = await provideDatabase(config, logger, 'exclusive');
  try {
    const orm = await openMigratedOrm(config, database, { poolSize: 1 });
    await orm.close();
    return database;
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
};

/**
 * Configuration in, use cases out: database (configured or embedded), ORM with migrations applied,
 * adapters, hashing, tokens, clock. The one composition every driver shares; each adds only its
 * transport. On failure, what was already started is stopped again.
 */
export const composeCore = async (config: Config, logger: Logger, options: CoreOptions): Promise<Core> => {
  const database = await provideDatabase(config, logger, options.databaseMode);
  try {
    const orm = await openMigratedOrm(config, database, options);
    try {
      const tokens = new JoseTokens({
        keys: await signingKeys(config),
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        ttlSeconds: config.JWT_TTL_SECONDS,
        leewaySeconds: 30,
      });
      const useCases = makeUseCases({
        ...createPostgresAdapters(orm),
        passwordHasher: new Argon2PasswordHasher(),
        tokenIssuer: tokens,
        clock: systemClock,
        suffixes: new RandomSuffixGenerator(),
      });
      return {
        config,
        logger,
        database,
        orm,
        useCases,
        tokens,
        close: async () => {
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
