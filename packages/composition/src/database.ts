import { rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  clusterPassword,
  ensureRuntimeRole,
  openLocalEmbeddedPostgres,
  RUNTIME_ROLE,
  removeEmbeddedPostgres,
  startEmbeddedPostgres,
  urlAsRole,
} from '@conduit/adapters-db';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

export type DatabaseMode = 'exclusive' | 'shared';

/** The database a process runs on, and stops when done (an embedded one it started). */
export type ProvidedDatabase = {
  /** Who the server and the worker run as: a role that owns no table and is held by row-level security. */
  readonly url: string;
  /** The tables' owner, which applies migrations and runs the job queue's own schema. */
  readonly ownerUrl: string;
  stop(): Promise<void>;
};

/**
 * DATABASE_URL (and DATABASE_MIGRATION_URL) when given; otherwise a real PostgreSQL from the data
 * folder: started by the server (`exclusive`), or for a short-lived tool the one the running server
 * started, else one started and stopped with the tool (`shared`). The embedded database's superuser
 * owns the tables; the server runs as a login role made for it (`conduit_app`, with a password
 * generated and kept beside the cluster's).
 */
export const provideDatabase = async (config: Config, logger: Logger, mode: DatabaseMode): Promise<ProvidedDatabase> => {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, ownerUrl: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL, stop: async () => undefined };
  }
  logger.info({ dataDir: config.DATA_DIR }, 'no DATABASE_URL: using the embedded PostgreSQL');
  const dataDir = join(config.DATA_DIR, 'db');
  const options = { dataDir, databaseName: 'conduit', onLog: (message: string) => logger.debug({ component: 'postgres' }, message) };
  const embedded = mode === 'exclusive' ? await startEmbeddedPostgres(options) : await openLocalEmbeddedPostgres(options);
  try {
    const password = await clusterPassword(join(dataDir, 'runtime-password'));
    await ensureRuntimeRole(embedded.url, RUNTIME_ROLE, password);
    return { url: urlAsRole(embedded.url, RUNTIME_ROLE, password), ownerUrl: embedded.url, stop: () => embedded.stop() };
  } catch (error) {
    await embedded.stop().catch(() => undefined);
    throw error;
  }
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
