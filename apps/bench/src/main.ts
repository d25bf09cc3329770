import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import autocannon from 'autocannon';
import { openBenchDatabase } from './bench-database.js';
import { seed } from './seed.js';

/**
 * `pnpm bench`: starts the built server pinned to CPU 0 (when taskset exists), seeds a realistic data
 * set through the API, and measures the hot read endpoints with autocannon from this process
 * (pinned to CPU 1 with PostgreSQL). Settings: BENCH_SECONDS, BENCH_CONNECTIONS, DATABASE_URL.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SERVER = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const hasTaskset = async () => {
  const probe = spawn('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  const [code] = await once(probe, 'exit').catch(() => [1]);
  return code === 0;
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const startServer = async (databaseUrl: string): Promise<{ child: ChildProcess; baseUrl: string }> => {
  const pin = await hasTaskset();
  const port = await freePort();
  const command = pin ? 'taskset' : process.execPath;
  const args = pin ? ['-c', '0', process.execPath, SERVER] : [SERVER];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Access logs stay on, as in production; they go to /dev/null instead of a log shipper.
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      // One load generator is one client: budgets far above the load, so the limiter runs (its cost
      // is measured) without refusing anything. Seeding signs up 50 users from one address.
      RATE_LIMIT_ANONYMOUS: '100000000/60',
      RATE_LIMIT_AUTHENTICATED: '100000000/60',
      RATE_LIMIT_SIGNUP_ADDRESS: '100000/60',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not start');
    const up = await fetch(`${baseUrl}/api/tags`).then((response) => response.ok, () => false);
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
  await client.end();
  const stat = await readFile(`/proc/${rows[0]?.pid}/stat`, 'utf8').catch(() => '');
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

type Target = { name: string; path: string; token?: string };

const measure = async (baseUrl: string, target: Target) => {
  const options = {
    url: `${baseUrl}${target.path}`,
    connections: CONNECTIONS,
    headers: target.token ? { Authorization: `Token ${target.token}` } : {},
  };
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: SECONDS });
  return {
    endpoint: target.name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.non2xx,
  };
};

const main = async () => {
  await pinSelf();
  const database = await openBenchDatabase();
  const unpinPostgres = await pinPostgres(database.url);
  const server = await startServer(database.url);
  try {
    const seeded = await seed(
      server.baseUrl,
      { users: 50, articles: 2000, tags: 25, followsPerUser: 10, favoritesPerArticle: 3 },
      log,
    );
    // A live database has been analyzed and vacuumed by autovacuum; a just-seeded one has not yet.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('vacuum analyze');
    await client.end();
    const slug = seeded.slugs[Math.floor(seeded.slugs.length / 2)] as string;
    const targets: Target[] = [
      { name: 'GET /api/articles?limit=20', path: '/api/articles?limit=20' },
      { name: 'GET /api/articles?limit=20 (signed in)', path: '/api/articles?limit=20', token: seeded.readerToken },
      { name: 'GET /api/articles/feed?limit=20', path: '/api/articles/feed?limit=20', token: seeded.readerToken },
      { name: 'GET /api/articles/:slug', path: `/api/articles/${slug}` },
      { name: 'GET /api/articles?tag=tag3', path: '/api/articles?tag=tag3&limit=20' },
    ];
    const results = [];
    for (const target of targets) {
      log(`measuring ${target.name} for ${SECONDS} s with ${CONNECTIONS} connections`);
      results.push(await measure(server.baseUrl, target));
    }
    console.table(results);
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    await unpinPostgres();
    await database.close();
  }
};

await main();
