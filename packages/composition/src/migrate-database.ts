import {
  bypassesRowSecurity,
  createOrm,
  grantRuntimeRole,
  grantRuntimeRoleJobQueue,
  migrateToLatest,
  PgBossJobs,
  roleOf,
  runtimeRoleReady,
} from '@conduit/adapters-db';
import type { Config } from './config.js';
import { type ProvidedDatabase, provideDatabase } from './database.js';
import type { Logger } from './logger.js';

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
export const migrate = async (
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
