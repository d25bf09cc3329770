import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Who holds a data folder's embedded PostgreSQL: the Conduit process (server or CLI) that started
 * it, and, once it answers, its URL. Written before PostgreSQL starts, so that a second process on
 * the same folder is refused instead of fighting over (or being told to delete) the first one's data.
 */
export type DataFolderHolder = { readonly pid: number; readonly url?: string };

const HOLDER_FILE = 'running.json';

/** A Node system error with this code (`EPERM`, `EEXIST`, …). */
const hasErrorCode = (error: unknown, code: string): boolean => error instanceof Error && 'code' in error && error.code === code;

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return hasErrorCode(error, 'EPERM');
  }
};

/** The live holder of the folder, or undefined when none (no file, or its process has ended). */
export const readHolder = async (dataDir: string): Promise<DataFolderHolder | undefined> => {
  const text = await readFile(join(dataDir, HOLDER_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const holder = JSON.parse(text) as Partial<DataFolderHolder>;
    if (typeof holder.pid !== 'number' || holder.pid === process.pid || !isAlive(holder.pid)) return undefined;
    return { pid: holder.pid, ...(typeof holder.url === 'string' ? { url: holder.url } : {}) };
  } catch {
    return undefined;
  }
};

/**
 * Takes the folder for this process (created exclusively, so two starting at once cannot both win);
 * returns the live holder instead when another process has it.
 */
export const claimFolder = async (dataDir: string): Promise<DataFolderHolder | undefined> => {
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(join(dataDir, HOLDER_FILE), JSON.stringify({ pid: process.pid }), { mode: 0o600, flag: 'wx' });
      return undefined;
    } catch (error) {
      if (!hasErrorCode(error, 'EEXIST')) throw error;
    }
    const holder = await readHolder(dataDir);
    if (holder) return holder;
    // Left by a process that has ended; a second stale file means it keeps coming back: give up.
    if (attempt > 0) throw new Error(`cannot take ${join(dataDir, HOLDER_FILE)}: it is written again as soon as it is removed`);
    await releaseHolder(dataDir);
  }
};

export const writeHolder = (dataDir: string, holder: DataFolderHolder): Promise<void> =>
  writeFile(join(dataDir, HOLDER_FILE), JSON.stringify(holder), { mode: 0o600 });

export const releaseHolder = (dataDir: string): Promise<void> => rm(join(dataDir, HOLDER_FILE), { force: true });

/** The process id PostgreSQL running from `clusterDir` wrote, if any. */
export const postmasterPid = async (clusterDir: string): Promise<number | undefined> => {
  const pidText = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(pidText?.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
};

/** Resolves once process `pid` has ended (polled: it is no child of this process). */
export const ended = async (pid: number): Promise<void> => {
  while (isAlive(pid)) await sleep(50);
};

/**
 * A PostgreSQL still running from the cluster folder although no Conduit process holds it: left
 * behind when its owner was killed (kill -9 leaves the server running). It is stopped with a fast
 * shutdown (open transactions roll back, committed data stays), so that this start can take over.
 */
export const stopOrphanedPostgres = async (clusterDir: string, log: (message: string) => void): Promise<void> => {
  const pid = await postmasterPid(clusterDir);
  if (pid === undefined || !isAlive(pid)) return;
  // A stale file whose number now belongs to another program (after a reboot) is no PostgreSQL.
  const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => 'postgres');
  if (!command.includes('postgres')) return;
  log(`stopping PostgreSQL (pid ${pid}) left running by a Conduit process that ended`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 100) await sleep(100);
};
