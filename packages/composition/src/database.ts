import { rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type EmbeddedDatabase, openLocalEmbeddedPostgres, removeEmbeddedPostgres, startEmbeddedPostgres } from '@conduit/adapters-db';
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

/**
 * Deletes what a checkout's server keeps in DATA_DIR (the embedded database and the generated JWT
 * secret, which signed every token handed out), so that the next start begins empty. Refused while
 * a server or tool holds the database, and when DATABASE_URL names one: that is not ours to drop.
 */
export const resetLocalData = async (config: Config): Promise<{ removed: string }> => {
  if (config.DATABASE_URL) throw new Error('DATABASE_URL is set: reset deletes only the embedded database; drop that one yourself');
  await removeEmbeddedPostgres(join(config.DATA_DIR, 'db'));
  await rm(join(config.DATA_DIR, 'jwt-secret'), { force: true });
  await rmdir(config.DATA_DIR).catch(() => undefined); // only when nothing else is in it
  return { removed: config.DATA_DIR };
};
