import { join } from 'node:path';
import { type EmbeddedDatabase, openLocalEmbeddedPostgres, startEmbeddedPostgres } from '@conduit/adapters-db';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

export type DatabaseMode = 'exclusive' | 'shared';

/**
 * DATABASE_URL when given; otherwise a real PostgreSQL from the data folder: started by the server
 * (`exclusive`), or for a short-lived tool the one the running server started, else one started and
 * stopped with the tool (`shared`).
 */
export const provideDatabase = async (config: Config, logger: Logger, mode: DatabaseMode): Promise<EmbeddedDatabase> => {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  logger.info({ dataDir: config.DATA_DIR }, 'no DATABASE_URL: using the embedded PostgreSQL');
  const options = {
    dataDir: join(config.DATA_DIR, 'db'),
    databaseName: 'conduit',
    onLog: (message: string) => logger.debug({ component: 'postgres' }, message),
  };
  return mode === 'exclusive' ? startEmbeddedPostgres(options) : openLocalEmbeddedPostgres(options);
};
