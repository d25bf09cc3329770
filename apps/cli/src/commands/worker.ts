import { once } from 'node:events';
import { type Core, createWorkerMetrics, expositionOf, jobCountsOf, startJobWorkers, startMetricsServer } from '@conduit/composition';

/**
 * `conduit worker`: runs queued jobs until SIGTERM or SIGINT, then hands a job in progress back
 * after its current batch (another worker resumes it) and exits 0. For operators who scale job
 * workers apart from the API (whose servers then run with JOB_WORKERS=0). With METRICS_PORT it
 * serves its metrics there, so jobs and items/s stay visible whichever process runs the jobs.
 */
export const runWorker = async (core: Core, options: { concurrency: number }): Promise<number> => {
  const { config, logger } = core;
  const serveMetrics = config.METRICS_ENABLED && config.METRICS_PORT !== undefined;
  const metrics = serveMetrics ? createWorkerMetrics(core.orm, jobCountsOf(core)) : undefined;
  const metricsServer = metrics ? startMetricsServer(expositionOf(metrics.registry), config) : undefined;
  if (metricsServer) {
    await once(metricsServer, 'listening');
    const address = metricsServer.address();
    logger.info({ port: typeof address === 'object' ? address?.port : config.METRICS_PORT }, 'metrics listening');
  }
  try {
    await startJobWorkers(core, { concurrency: options.concurrency, ...(metrics ? { onBatch: metrics.jobs.recordBatch } : {}) });
    logger.info({ concurrency: options.concurrency }, 'job worker running');
    const signal = await new Promise<string>((resolve) => {
      for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(name, () => resolve(name));
    });
    logger.info({ signal }, 'job worker stopping');
    return 0;
  } finally {
    metricsServer?.close();
  }
};
