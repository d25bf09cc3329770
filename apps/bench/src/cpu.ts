import { readdir, readFile } from 'node:fs/promises';
import pg from 'pg';

/** CPU time (user + system) one process has used so far, from /proc; null where there is none. */
const ownCpuMs = async (pid: number): Promise<number | null> => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};

/** The child processes of `pid` (a cluster's workers), from /proc. */
export const childrenOf = async (pid: number): Promise<number[]> => {
  const threads = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(threads.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '')));
  return lists.flatMap((list) => list.split(' ').filter(Boolean).map(Number));
};

/** A server's CPU time: the process and every descendant (a cluster's workers). */
export const processTreeCpuMs = async (pid: number | undefined): Promise<number | null> => {
  if (pid === undefined) return null;
  const own = await ownCpuMs(pid);
  if (own === null) return null;
  const children = await childrenOf(pid);
  const theirs = await Promise.all(children.map((child) => processTreeCpuMs(child)));
  return own + theirs.reduce<number>((sum, value) => sum + (value ?? 0), 0);
};

export type CpuSnapshot = ReadonlyMap<number, number>;

/** CPU time of each PostgreSQL backend connected to the database (the server's pool), by pid. */
export const postgresBackendsCpu = async (databaseUrl: string): Promise<CpuSnapshot | null> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const entries = await Promise.all(rows.map(async (row) => [row.pid, await ownCpuMs(row.pid)] as const));
    if (entries.some(([, cpu]) => cpu === null)) return null;
    return new Map(entries as [number, number][]);
  } finally {
    await client.end();
  }
};

/** CPU the backends used between two snapshots; a backend that appeared in between counts whole. */
export const cpuBetween = (before: CpuSnapshot | null, after: CpuSnapshot | null): number | null => {
  if (before === null || after === null) return null;
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
};
