import { isDatabaseUnavailable, type Orm, PgBossJobs, ReplicaRouter, replicaConnections } from '@conduit/adapters-db';
import type { RequestScope } from '@conduit/domain';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { REPEATED_FAILURE_INTERVAL_MS, reportRepeatedFailures } from './repeated-failures.js';

/**
 * pg-boss on the application's database; its schema is installed or migrated on first start (by the
 * owner beforehand when the server runs as another role: see migrate). Jobs are queued for the
 * tenant in scope.
 */
export const startJobQueue = async (
  logger: Logger,
  databaseUrl: string,
  scope: RequestScope,
  stopping: () => boolean,
  tracing: boolean,
): Promise<PgBossJobs> => {
  // While the database is away, pg-boss's pollers fail every few seconds: warnings, counted.
  const unavailable = reportRepeatedFailures(logger, {
    level: 'warn',
    message: 'job queue: database unavailable',
    intervalMs: REPEATED_FAILURE_INTERVAL_MS,
    fields: { component: 'jobs' },
  });
  const jobs = new PgBossJobs({
    databaseUrl,
    currentTenant: scope.currentTenantId,
    tracing,
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

/**
 * The replicas' router, checked once before the first request (a replica serves no read before its
 * first check), then every quarter of the lag bound: a replica is known to be within the bound at
 * most that long after it stopped being.
 */
export const startReplicas = async (config: Config, logger: Logger, orm: Orm): Promise<ReplicaRouter> => {
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
  return router;
};
