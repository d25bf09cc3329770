import cluster, { type Worker } from 'node:cluster';
import { countRateLimitsForWorkers } from '@conduit/adapters-http';
import { type Config, type Logger, metricsPlacement, prepareDatabase, startMetricsServer } from '@conduit/composition';
import { AggregatorRegistry } from 'prom-client';
import { failStartWith } from '../fail-start.js';
import { isWorkerMessage, type PrimaryMessage } from './messages.js';

/** More worker deaths than this within a minute is a crash loop: stop rather than spin. */
const MAX_RESTARTS_PER_MINUTE = 10;
/** After the workers' own grace period, how long the primary waits before killing them. */
const PRIMARY_GRACE_MARGIN_MS = 2_000;

/**
 * WEB_CONCURRENCY > 1: this process starts the database once (the embedded one when no
 * DATABASE_URL is set) and migrates it, then forks the workers, which share the port (node:cluster
 * hands them connections), and keeps what they must share: rate-limit counts (unless Redis holds
 * them) and the sum of their metrics. It announces `listening` when every worker listens, replaces
 * a worker that dies, and on a signal tells every worker to shut down gracefully, waits for all,
 * then stops the database.
 */
export const runPrimary = async (config: Config, logger: Logger): Promise<void> => {
  const failStart = failStartWith(config, logger);
  const database = await prepareDatabase(config, logger).catch((error: unknown) => failStart(error));
  if (config.RATE_LIMITS_ENABLED && !config.REDIS_URL) countRateLimitsForWorkers();
  const aggregator = new AggregatorRegistry();

  const workers = config.WEB_CONCURRENCY;
  const send = (worker: Worker, message: PrimaryMessage) => {
    if (worker.isConnected()) worker.send(message);
  };
  cluster.on('message', (worker, message) => {
    if (!isWorkerMessage(message)) return;
    aggregator.clusterMetrics().then(
      (text) => send(worker, { type: 'conduit:metrics', id: message.id, text }),
      (error: unknown) => send(worker, { type: 'conduit:metrics', id: message.id, error: String(error) }),
    );
  });

  const metricsServer =
    metricsPlacement(config) === 'own-port'
      ? startMetricsServer({ text: () => aggregator.clusterMetrics(), contentType: aggregator.contentType }, config)
      : undefined;
  metricsServer?.on('listening', () => logger.info({ port: config.METRICS_PORT }, 'metrics listening'));

  let announced = false;
  let stopping = false;
  const listening = new Set<number>();
  const restarts: number[] = [];
  // Workers reach the database by URL: the embedded one's too, so only this process starts it.
  const fork = () => cluster.fork({ DATABASE_URL: database.url, DATABASE_MIGRATION_URL: database.ownerUrl });

  const stopEverything = async (exitCode: number): Promise<never> => {
    metricsServer?.close();
    await database.stop().catch((error: unknown) => logger.error({ err: error }, 'could not stop the database'));
    process.exit(exitCode);
  };
  /** No graceful end possible (a failed start, a crash loop, a second signal, the grace period over). */
  const abort = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGKILL');
    void stopEverything(1);
  };

  cluster.on('listening', (worker, address) => {
    listening.add(worker.id);
    if (announced || listening.size < workers) return;
    announced = true;
    logger.info({ host: config.HOST, port: address.port, url: `http://localhost:${address.port}/api`, workers }, 'listening');
  });

  let failedWorkers = 0;
  cluster.on('exit', (worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) {
      if (code !== 0) failedWorkers += 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info({ failedWorkers }, 'stopped');
        void stopEverything(failedWorkers === 0 ? 0 : 1);
      }
      return;
    }
    if (!announced) {
      // The worker has already said why on stderr (bad port, database gone…).
      logger.error({ worker: worker.id, code, signal }, 'a worker failed to start: stopping');
      abort();
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && (restarts[0] ?? now) < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      logger.error({ restarts: restarts.length }, 'workers keep dying: stopping');
      abort();
      return;
    }
    logger.error({ worker: worker.id, code, signal }, 'a worker died: starting another');
    fork();
  });

  const shutdown = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      abort();
      return;
    }
    stopping = true;
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, 'shutting down every worker');
    for (const worker of Object.values(cluster.workers ?? {})) if (worker) send(worker, { type: 'conduit:shutdown', signal });
    setTimeout(
      () => {
        logger.error('grace period over: killing the workers still running');
        abort();
      },
      config.SHUTDOWN_DRAIN_DELAY_MS + config.SHUTDOWN_GRACE_MS + PRIMARY_GRACE_MARGIN_MS,
    ).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));

  for (let index = 0; index < workers; index += 1) fork();
};
