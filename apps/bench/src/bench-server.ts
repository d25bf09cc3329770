import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import pg from 'pg';
import { openBenchDatabase } from './bench-database.js';

const SERVER = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const hasTaskset = async () => {
  const probe = spawn('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  const [code] = await once(probe, 'exit').catch(() => [1]);
  return code === 0;
};

// One secret for every server of a run: a token one issued is valid on the others.
const JWT_SECRET = randomBytes(32).toString('hex');

const startServer = async (
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  main = SERVER,
): Promise<{ child: ChildProcess; baseUrl: string }> => {
  const pin = await hasTaskset();
  const port = await getPort({ host: '127.0.0.1' });
  const command = pin ? 'taskset' : process.execPath;
  const args = pin ? ['-c', '0', process.execPath, main] : [main];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Access logs stay on, as in production; they go to /dev/null instead of a log shipper.
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      JWT_SECRET,
      // One load generator is one client: budgets far above the load, so the limiter runs (its cost
      // is measured) without refusing anything. Seeding signs up 50 users from one address.
      RATE_LIMIT_ANONYMOUS: '100000000/60',
      RATE_LIMIT_AUTHENTICATED: '100000000/60',
      RATE_LIMIT_SIGNUP_ADDRESS: '100000/60',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not start');
    const up = await fetch(`${baseUrl}/api/tags`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`server pid ${child.pid} on port ${port}${pin ? ', pinned to CPU 0' : ''}`);
  return { child, baseUrl };
};

const taskset = async (args: string[]): Promise<boolean> => {
  const child = spawn('taskset', args, { stdio: 'ignore' });
  const [code] = await once(child, 'exit');
  return code === 0;
};

const pinSelf = async () => {
  if (await hasTaskset()) await taskset(['-pc', '1', String(process.pid)]);
};

/**
 * Puts PostgreSQL on CPU 1 with the load generator, as in the published figures, so it does not
 * steal the server's CPU. New backends inherit the postmaster's affinity. Needs a local server and
 * the right to change its affinity; otherwise the run goes on unpinned, with a warning.
 */
const pinPostgres = async (databaseUrl: string): Promise<() => Promise<void>> => {
  const nothing = async () => undefined;
  if (!(await hasTaskset()) || !['127.0.0.1', 'localhost', '::1'].includes(new URL(databaseUrl).hostname)) return nothing;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  // Read while the backend lives: its parent is the postmaster.
  const stat = await readFile(`/proc/${rows[0]?.pid}/stat`, 'utf8').catch(() => '');
  await client.end();
  const postmaster = stat.split(') ')[1]?.split(' ')[1];
  const original = postmaster ? await readFile(`/proc/${postmaster}/status`, 'utf8').catch(() => '') : '';
  const cpus = /Cpus_allowed_list:\s*(\S+)/.exec(original)?.[1];
  if (!postmaster || !cpus || !(await taskset(['-apc', '1', postmaster]))) {
    log('could not pin PostgreSQL to CPU 1; figures will be lower than with pinning');
    return nothing;
  }
  log(`PostgreSQL (pid ${postmaster}) pinned to CPU 1`);
  return async () => {
    await taskset(['-apc', cpus, postmaster]);
  };
};

/** CPU time (user + system) a process has used so far, from /proc; null where there is no /proc. */
export const cpuMs = async (pid: number | undefined): Promise<number | null> => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};

export type RunningBenchServer = { readonly baseUrl: string; readonly pid: number | undefined; stop(): Promise<void> };

export type BenchServer = RunningBenchServer & {
  readonly databaseUrl: string;
  /**
   * Another server on the same database and CPU, with other settings or another build (`main`, the
   * path of its main.js): a baseline measured side by side.
   */
  startAlso(extraEnv: Record<string, string>, main?: string): Promise<RunningBenchServer>;
};

const running = (server: { child: ChildProcess; baseUrl: string }): RunningBenchServer => ({
  baseUrl: server.baseUrl,
  pid: server.child.pid,
  stop: async () => {
    if (server.child.exitCode !== null) return;
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    await exited;
  },
});

/**
 * The common frame of every benchmark: this process on CPU 1, a fresh database with PostgreSQL on
 * CPU 1, the built server on CPU 0; everything stopped and restored afterwards, whatever happens.
 */
export const withBenchServer = async (extraEnv: Record<string, string>, work: (server: BenchServer) => Promise<void>) => {
  await pinSelf();
  const database = await openBenchDatabase();
  const unpinPostgres = await pinPostgres(database.url);
  const server = running(await startServer(database.url, extraEnv));
  const others: RunningBenchServer[] = [];
  const startAlso = async (env: Record<string, string>, main?: string) => {
    const other = running(await startServer(database.url, { ...extraEnv, ...env }, main));
    others.push(other);
    return other;
  };
  try {
    await work({ ...server, databaseUrl: database.url, startAlso });
  } finally {
    for (const other of others) await other.stop();
    await server.stop();
    await unpinPostgres();
    await database.close();
  }
};
