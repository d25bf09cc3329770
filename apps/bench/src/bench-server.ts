import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '@conduit/composition';
import getPort from 'get-port';
import pg from 'pg';
import { type BenchDatabase, openBenchDatabase } from './bench-database.js';

const SERVER = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const hasTaskset = async () => {
  const probe = spawn('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  const [code] = await once(probe, 'exit').catch(() => [1]);
  return code === 0;
};

// One secret for every server of a run: a token one issued is valid on the others.
const JWT_SECRET = randomBytes(32).toString('hex');

/** Where a server runs: `cpus` is a taskset list ('0', '0,1'); without it, anywhere. */
export type ServerPlacement = {
  readonly env?: Record<string, string>;
  readonly main?: string;
  readonly cpus?: string;
  /** The node flags it starts with: a server's own (SERVER_NODE_FLAGS) unless given. */
  readonly nodeFlags?: readonly string[];
};

/**
 * `database`: as the owner, and as the role this build runs as (it migrates as the owner). Another
 * build (`main`) runs as the owner, as builds before the runtime role did, unless
 * BENCH_BASELINE_ROLE=runtime says it has one too: then both run as the runtime role, so both pay
 * row-level security (the owner of an embedded database is a superuser, which skips it).
 */
const startServer = async (
  database: { readonly url: string; readonly runtimeUrl: string },
  placement: ServerPlacement,
): Promise<{ child: ChildProcess; baseUrl: string }> => {
  const { env: extraEnv = {}, main = SERVER, cpus, nodeFlags = SERVER_NODE_FLAGS } = placement;
  const pin = cpus !== undefined && (await hasTaskset());
  const port = await getPort({ host: '127.0.0.1' });
  const command = pin ? 'taskset' : process.execPath;
  const args = pin ? ['-c', cpus, process.execPath, ...nodeFlags, main] : [...nodeFlags, main];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      ...(placement.main === undefined || process.env.BENCH_BASELINE_ROLE === 'runtime'
        ? { DATABASE_URL: database.runtimeUrl, DATABASE_MIGRATION_URL: database.url }
        : { DATABASE_URL: database.url }),
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
      // Production would run one process per core; a benchmark says how many (--workers).
      WEB_CONCURRENCY: '1',
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
  log(`server pid ${child.pid} on port ${port}${pin ? `, pinned to CPU ${cpus}` : ''}`);
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

export type RunningBenchServer = {
  readonly baseUrl: string;
  readonly pid: number | undefined;
  readonly databaseUrl: string;
  stop(): Promise<void>;
};

const running = (server: { child: ChildProcess; baseUrl: string }, databaseUrl: string): RunningBenchServer => ({
  baseUrl: server.baseUrl,
  databaseUrl,
  pid: server.child.pid,
  stop: async () => {
    if (server.child.exitCode !== null) return;
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    await exited;
  },
});

/** What a benchmark can ask for; all of it is stopped, dropped and restored when the benchmark ends. */
export type BenchSession = {
  /** A fresh, empty database; PostgreSQL is pinned to CPU 1 when `pinned`. */
  database(): Promise<string>;
  /** The built server (or `main`) on that database. */
  server(databaseUrl: string, placement?: ServerPlacement): Promise<RunningBenchServer>;
};

/**
 * The common frame of every benchmark. `pinned` (the default): this process and PostgreSQL on
 * CPU 1, servers on CPU 0 unless placed otherwise; unpinned, everything runs anywhere.
 */
export const withBenchSession = async (work: (session: BenchSession) => Promise<void>, pinned = true) => {
  if (pinned) await pinSelf();
  const databases: BenchDatabase[] = [];
  const unpins: (() => Promise<void>)[] = [];
  const servers: RunningBenchServer[] = [];
  const session: BenchSession = {
    database: async () => {
      const database = await openBenchDatabase();
      databases.push(database);
      if (pinned && unpins.length === 0) unpins.push(await pinPostgres(database.url));
      return database.url;
    },
    server: async (databaseUrl, placement = {}) => {
      const database = databases.find((candidate) => candidate.url === databaseUrl) ?? { url: databaseUrl, runtimeUrl: databaseUrl };
      const server = running(await startServer(database, { cpus: pinned ? '0' : undefined, ...placement }), databaseUrl);
      servers.push(server);
      return server;
    },
  };
  try {
    await work(session);
  } finally {
    for (const server of servers.reverse()) await server.stop();
    for (const unpin of unpins) await unpin();
    for (const database of databases) await database.close();
  }
};

export type BenchServer = RunningBenchServer & {
  /**
   * Another server on the same database and CPU, with other settings or another build (`main`, the
   * path of its main.js): a baseline measured side by side.
   */
  startAlso(extraEnv: Record<string, string>, main?: string): Promise<RunningBenchServer>;
};

/** One database and one server on it (the server on CPU 0; PostgreSQL and this process on CPU 1). */
export const withBenchServer = (extraEnv: Record<string, string>, work: (server: BenchServer) => Promise<void>) =>
  withBenchSession(async (session) => {
    const databaseUrl = await session.database();
    const server = await session.server(databaseUrl, { env: extraEnv });
    await work({
      ...server,
      startAlso: (env, main) => session.server(databaseUrl, { env: { ...extraEnv, ...env }, ...(main ? { main } : {}) }),
    });
  });
