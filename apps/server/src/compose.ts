import { DatabaseProbe, isDatabaseUnavailable } from '@conduit/adapters-db';
import { clientAddressResolver, createHttpApp, type HttpApp, type HttpMetrics } from '@conduit/adapters-http';
import {
  type Config,
  type Core,
  composeCore,
  type JobMetrics,
  jobCountsOf,
  type Logger,
  metricsPlacement,
  REPEATED_FAILURE_INTERVAL_MS,
  recordJobs,
  repeatWindows,
  reportRepeatedFailures,
  startJobWorkers,
} from '@conduit/composition';
import type { WorkerLink } from './cluster/worker-link.js';
import { createMetrics } from './metrics.js';
import { createRateLimiting } from './rate-limits.js';

/** The server's transport on the shared core: HTTP, rate limits, metrics, readiness. */
export type Application = {
  readonly app: HttpApp;
  /** Set when metrics are served on their own port: the composition root listens for them. */
  readonly metrics?: HttpMetrics;
  /** Counts the items job workers apply in this process. */
  readonly jobMetrics: JobMetrics;
  /** From now on readiness fails, so load balancers stop sending traffic. */
  startDraining(): void;
  close(): Promise<void>;
};

/** `cluster`: this process is one worker of several (WEB_CONCURRENCY), linked to their primary. */
export const compose = async (config: Config, logger: Logger, cluster?: WorkerLink): Promise<Application> => {
  // Each operation holds at most its share of the pool (the request names its operation as its workload).
  const core = await composeCore(config, logger, { databaseMode: 'exclusive', connectionBudgets: true, jobs: true, watchChanges: true });
  try {
    const application = wireHttp(core, cluster);
    if (config.JOB_WORKERS > 0) {
      await startJobWorkers(core, { concurrency: config.JOB_WORKERS, onBatch: application.jobMetrics.recordBatch });
    }
    return application;
  } catch (error) {
    await core.close();
    throw error;
  }
};

const wireHttp = (core: Core, cluster: WorkerLink | undefined): Application => {
  const { config, logger } = core;
  // Behind TRUSTED_PROXIES, the address the proxy saw: what rate limits count and what sessions record.
  const clientAddress = clientAddressResolver(config.TRUSTED_PROXIES);
  const rateLimiting = createRateLimiting(config, logger, cluster !== undefined, clientAddress);
  const probe = new DatabaseProbe(core.database.url);
  let draining = false;
  const placement = metricsPlacement(config);
  const metrics = placement === 'off' ? undefined : createMetrics(core.orm, core.flags.unreadable, core.replicas);
  const jobMetrics = recordJobs(metrics?.registry, jobCountsOf(core));
  // In a cluster the primary serves the metrics port and sums every worker's; /metrics asks it.
  if (metrics && cluster) cluster.shareMetrics(metrics.registry);
  const app = createHttpApp({
    useCases: core.useCases,
    tenants: { resolve: (host) => core.tenants.directory.resolve(host) },
    scope: core.scope,
    tokenVerifier: core.tokens,
    logger,
    config: {
      corsOrigins: config.CORS_ORIGINS,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      importBodyLimitBytes: config.IMPORT_BODY_LIMIT_BYTES,
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      maxInFlight: config.MAX_IN_FLIGHT,
      mcpEnabled: config.MCP_ENABLED,
    },
    health: {
      isDraining: () => draining,
      readiness: async () => {
        const started = performance.now();
        const up = await probe.ping(config.READINESS_TIMEOUT_MS);
        const status = up ? 'pass' : 'fail';
        const observedValue = Math.round(performance.now() - started);
        return { status, checks: { 'postgresql:responseTime': [{ status, observedValue, observedUnit: 'ms' }] } };
      },
    },
    featureFlags: core.flags.features,
    clientAddress,
    ...(rateLimiting.rateLimits ? { rateLimits: rateLimiting.rateLimits } : {}),
    isDependencyUnavailable: isDatabaseUnavailable,
    idempotencyKeys: core.idempotencyKeys,
    repeatedAnswers: repeatWindows(REPEATED_FAILURE_INTERVAL_MS),
    onDependencyUnavailable: reportRepeatedFailures(logger, {
      level: 'warn',
      message: 'dependency unavailable: answered 503',
      intervalMs: REPEATED_FAILURE_INTERVAL_MS,
    }),
    ...(metrics
      ? {
          metrics: {
            metrics,
            ...(placement === 'api' ? { serveAt: '/metrics' } : {}),
            ...(cluster ? { exposition: cluster.metricsOfAllWorkers } : {}),
          },
        }
      : {}),
  });

  return {
    app,
    jobMetrics,
    ...(placement === 'own-port' && !cluster ? { metrics } : {}),
    startDraining: () => {
      draining = true;
      core.beginStop();
    },
    close: async () => {
      await rateLimiting.close();
      await probe.close();
      await core.close();
    },
  };
};
