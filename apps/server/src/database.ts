import { join } from 'node:path';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@conduit/adapters-db';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/** DATABASE_URL when given; otherwise a real PostgreSQL started from the data folder. */
export const provideDatabase = async (config: Config, logger: Logger): Promise<EmbeddedDatabase> => {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  logger.info({ dataDir: config.DATA_DIR }, 'no DATABASE_URL: starting embedded PostgreSQL');
  return startEmbeddedPostgres({
    dataDir: join(config.DATA_DIR, 'db'),
    databaseName: 'conduit',
    onLog: (message) => logger.debug({ component: 'postgres' }, message),
  });
};
