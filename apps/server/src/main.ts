import { serve } from '@hono/node-server';
import { compose } from './compose.js';
import { parseConfig } from './config.js';
import { createLogger } from './logger.js';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n`);
  process.exit(1);
}
const config = parsed.config;
const logger = createLogger(config);

const application = await compose(config, logger);
const server = serve({ fetch: application.app.fetch, hostname: config.HOST, port: config.PORT }, (info) =>
  logger.info({ host: info.address, port: info.port, url: `http://localhost:${info.port}/api` }, 'listening'),
);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) {
    logger.warn({ signal }, 'second signal: exiting at once');
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  const force = setTimeout(() => {
    logger.error('grace period over: exiting with requests unfinished');
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS);
  force.unref();
  server.close(async () => {
    await application.close();
    logger.info('stopped');
    process.exit(0);
  });
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
