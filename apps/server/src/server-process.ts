import { type Config, expositionOf, type Logger, startMetricsServer } from '@conduit/composition';
import type { WorkerLink } from './cluster/worker-link.js';
import { compose } from './compose.js';
import { failStartWith } from './fail-start.js';
import { trackConnections } from './graceful-connections.js';
import { startHttpServer } from './http-server.js';

/**
 * One server process: alone (WEB_CONCURRENCY=1), or one worker of a cluster (`cluster` set), in
 * which case the primary announces the port, serves the metrics port and says when to stop.
 */
export const runServer = async (config: Config, logger: Logger, cluster?: WorkerLink): Promise<void> => {
  const failStart = failStartWith(config, logger);
  const application = await compose(config, logger, cluster).catch((error: unknown) => failStart(error));
  const server = startHttpServer(application.app, config, logger, (port) =>
    cluster
      ? logger.debug({ port }, 'worker listening')
      : logger.info({ host: config.HOST, port, url: `http://localhost:${port}/api` }, 'listening'),
  );
  server.once('error', (error) => {
    if (!server.listening) void failStart(error, () => application.close());
  });

  const connections = trackConnections(server);

  const metricsServer = application.metrics ? startMetricsServer(expositionOf(application.metrics.registry), config) : undefined;
  metricsServer?.on('listening', () => logger.info({ port: config.METRICS_PORT }, 'metrics listening'));

  let stopping = false;
  /**
   * Kubernetes-style: readiness fails at once, new connections are still taken during the drain
   * delay (while load balancers catch up), then the listener closes, requests in flight or already
   * sent are answered with `Connection: close`, idle keep-alive connections close once quiet, the
   * pool closes, and the process exits 0. A second signal, or the grace period running out, exits 1
   * at once. (In a cluster the primary counts signals and the grace period for all its workers.)
   */
  const shutdown = (signal: string) => {
    if (stopping) {
      // A worker hears of one shutdown several ways (the primary's word, a signal to the group).
      if (cluster) return;
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    application.startDraining();
    logger.info({ signal, drainDelayMs: config.SHUTDOWN_DRAIN_DELAY_MS }, 'shutting down: readiness now fails');
    setTimeout(() => {
      logger.error('grace period over: exiting with requests unfinished');
      process.exit(1);
    }, config.SHUTDOWN_DRAIN_DELAY_MS + config.SHUTDOWN_GRACE_MS).unref();
    setTimeout(async () => {
      logger.info('answering what is in flight or already sent; the listener closes once connections stop arriving');
      metricsServer?.close();
      await connections.close({ listenerMaxMs: Math.floor(config.SHUTDOWN_GRACE_MS / 2) });
      await application.close();
      logger.info('stopped');
      process.exit(0);
    }, config.SHUTDOWN_DRAIN_DELAY_MS);
  };

  if (cluster) {
    cluster.onShutdown(shutdown);
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    // Ctrl-C and a closed terminal reach every process of the group; the primary answers them.
    process.on('SIGINT', () => undefined);
    process.on('SIGHUP', () => undefined);
    return;
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // A closed terminal: without this, Node exits at once and leaves an embedded database running.
  process.on('SIGHUP', () => shutdown('SIGHUP'));
};
