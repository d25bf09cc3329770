import { createLogger, describeStartupFailure, parseConfig } from '@conduit/composition';
import { compose } from './compose.js';
import { trackConnections } from './graceful-connections.js';
import { startHttpServer } from './http-server.js';
import { startMetricsServer } from './metrics.js';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n`);
  process.exit(1);
}
const config = parsed.config;
const logger = createLogger(config);

/** One line on stderr naming the cause and the fix, the details in the log, exit 1. */
const failStart = async (error: unknown, cleanUp?: () => Promise<void>): Promise<never> => {
  logger.debug({ err: error }, 'start-up failed');
  await cleanUp?.().catch(() => undefined);
  process.stderr.write(`${describeStartupFailure(error, config)}\n`);
  process.exit(1);
};

const application = await compose(config, logger).catch((error: unknown) => failStart(error));
const server = startHttpServer(application.app, config, logger, (port) =>
  logger.info({ host: config.HOST, port, url: `http://localhost:${port}/api` }, 'listening'),
);
server.once('error', (error) => {
  if (!server.listening) void failStart(error, () => application.close());
});

const connections = trackConnections(server);

const metricsServer = application.metrics ? startMetricsServer(application.metrics, config) : undefined;
metricsServer?.on('listening', () => logger.info({ port: config.METRICS_PORT }, 'metrics listening'));

let stopping = false;
/**
 * Kubernetes-style: readiness fails at once, new connections are still taken during the drain
 * delay (while load balancers catch up), then the listener closes, requests in flight or already
 * sent are answered with `Connection: close`, idle keep-alive connections close once quiet, the
 * pool closes, and the process exits 0. A second signal, or the
 * grace period running out, exits 1 at once.
 */
const shutdown = (signal: string) => {
  if (stopping) {
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
    logger.info('no longer accepting connections; answering what is in flight or already sent, then closing');
    metricsServer?.close();
    await connections.close();
    await application.close();
    logger.info('stopped');
    process.exit(0);
  }, config.SHUTDOWN_DRAIN_DELAY_MS);
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
// A closed terminal: without this, Node exits at once and leaves an embedded database running.
process.on('SIGHUP', () => shutdown('SIGHUP'));
