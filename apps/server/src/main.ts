import cluster from 'node:cluster';
import { createLogger, environmentWithDotEnv, parseConfig } from '@conduit/composition';
import { runPrimary } from './cluster/primary.js';
import { connectToPrimary } from './cluster/worker-link.js';
import { runServer } from './server-process.js';

const parsed = parseConfig(environmentWithDotEnv());
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n`);
  process.exit(1);
}
const config = parsed.config;
const logger = createLogger(config);

if (cluster.isWorker) await runServer(config, logger.child({ worker: cluster.worker?.id }), connectToPrimary());
else if (config.WEB_CONCURRENCY > 1) await runPrimary(config, logger);
else await runServer(config, logger);
