import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { RawConnection } from './testing/raw-connection.js';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));

type Job = { id: string; status: string; total: number; processed: number; succeeded: number; failed: number };

const started: { servers: RunningServer[]; workers: ChildProcess[]; databases: TestDatabase[] } = {
  servers: [],
  workers: [],
  databases: [],
};
afterEach(async () => {
  for (const server of started.servers.splice(0)) await server.stop('SIGKILL');
  for (const worker of started.workers.splice(0)) if (worker.exitCode === null) worker.kill('SIGKILL');
  for (const database of started.databases.splice(0)) await database.drop();
});

const setUp = async () => {
  const database = await createTestDatabase();
  started.databases.push(database);
  const env = { DATABASE_URL: database.url, JWT_SECRET: randomBytes(32).toString('hex') };
  const start = async (extra: Record<string, string> = {}) => {
    const server = await spawnServer({ ...env, ...extra });
    started.servers.push(server);
    return server;
  };
  return { database, env, start };
};

const signUp = async (server: RunningServer, username: string): Promise<string> => {
  const response = await fetch(`${server.baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { username, email: `${username}@example.com`, password: 'password123' } }),
  });
  return ((await response.json()) as { user: { token: string } }).user.token;
};

/** `count` valid articles with distinct titles, as NDJSON. */
const articles = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      article: { title: `Imported ${index}`, description: 'From elsewhere', body: 'x'.repeat(300), tagList: [`t${index % 20}`] },
    }),
  ).join('\n');

const submit = async (server: RunningServer, token: string, body: string) => {
  const response = await fetch(`${server.baseUrl}/api/articles/imports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Token ${token}` },
    body,
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { job: Job }).job;
};

const jobOf = async (server: RunningServer, token: string, id: string): Promise<Job> => {
  const response = await fetch(`${server.baseUrl}/api/jobs/${id}`, { headers: { Authorization: `Token ${token}` } });
  return ((await response.json()) as { job: Job }).job;
};

/** Polls until `check` holds; `timeoutMs` is a ceiling that only catches a hang (busy machines are slow, never wrong). */
const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100) => {
  const deadline = Date.now() + Math.max(timeoutMs, 120_000);
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};

/** The imported articles in the database: how many, and how many distinct titles (a title twice is an item applied twice). */
const storedArticles = async (database: TestDatabase) => {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ total: string; titles: string; counted: string }>(
      `select count(*) as total, count(distinct title) as titles, (select coalesce(sum(articles_count), 0) from users) as counted
       from articles where title like 'Imported %'`,
    );
    const row = rows[0];
    return { total: Number(row?.total), titles: Number(row?.titles), counted: Number(row?.counted) };
  } finally {
    await client.end();
  }
};

describe('article import jobs, durable and exactly once', () => {
  it('resumes by itself after kill -9 mid-import and ends with every item applied once', { timeout: 120_000 }, async () => {
    const items = 20_000;
    const { database, start } = await setUp();
    const first = await start();
    const token = await signUp(first, 'mover');
    const job = await submit(first, token, articles(items));
    expect(job).toMatchObject({ status: 'queued', total: items });

    // Some batches committed, not all: then the process dies without a word.
    let seen: Job = job;
    await waitFor(
      'the first batches',
      async () => {
        seen = await jobOf(first, token, job.id);
        return seen.processed > 0;
      },
      30_000,
      20,
    );
    await first.stop('SIGKILL');
    const cut = await storedArticles(database);
    expect(cut.total).toBeLessThan(items);

    // A new server finds the job (its worker's heartbeat stopped) and carries on from the last commit.
    const second = await start();
    let done: Job = seen;
    await waitFor(
      'the job to succeed',
      async () => {
        done = await jobOf(second, token, job.id);
        return done.status === 'succeeded';
      },
      60_000,
      250,
    );
    expect(done).toMatchObject({ status: 'succeeded', total: items, processed: items, succeeded: items, failed: 0 });
    expect(await storedArticles(database)).toEqual({ total: items, titles: items, counted: items });
    expect(second.logs.some((line) => line.includes('"msg":"job run started"'))).toBe(true);
  });

  it('with JOB_WORKERS=0 the server only queues; `conduit worker` runs the job and stops on SIGTERM', { timeout: 120_000 }, async () => {
    const { database, env, start } = await setUp();
    const server = await start({ JOB_WORKERS: '0' });
    const token = await signUp(server, 'queuer');
    const job = await submit(server, token, articles(3_000));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await jobOf(server, token, job.id)).status).toBe('queued');

    // Operators see and cancel jobs from the command line, on the same database.
    const conduit = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
    const listed = conduit('jobs', 'list');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${job.id}\\s+queued\\s+0/3000`, 'm'));
    const shown = conduit('jobs', 'show', job.id);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: job.id, status: 'queued', total: 3_000 });
    const other = await submit(server, token, articles(10));
    const canceled = conduit('jobs', 'cancel', other.id);
    expect(canceled.status, canceled.stderr).toBe(0);
    expect(canceled.stdout).toContain('canceled');
    expect(conduit('jobs', 'cancel', other.id).status).toBe(0);
    const unknown = conduit('jobs', 'cancel', '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no job');

    // The worker serves its own metrics (METRICS_PORT; 0 picks a free port, which its log names).
    const worker = spawn(process.execPath, [CLI, 'worker'], {
      env: { ...process.env, ...env, METRICS_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.workers.push(worker);
    const logs: string[] = [];
    worker.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    await waitFor('the worker to finish the job', async () => (await jobOf(server, token, job.id)).status === 'succeeded', 30_000, 200);
    expect(await jobOf(server, token, job.id)).toMatchObject({ processed: 3_000, succeeded: 3_000 });
    expect((await storedArticles(database)).total).toBe(3_000);
    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^conduit_jobs\{tenant="default",status="succeeded"\} 1$/m);
    expect(metrics).toMatch(/^conduit_jobs\{tenant="default",status="canceled"\} 1$/m);
    const metricsPort = /"port":(\d+),"msg":"metrics listening"/.exec(logs.join(''))?.[1];
    expect(metricsPort, logs.join('')).toBeDefined();
    const workerMetrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(workerMetrics).toMatch(/^conduit_job_items_total\{tenant="default",outcome="succeeded"\} 3000$/m);
    expect(workerMetrics).toMatch(/^conduit_jobs\{tenant="default",status="succeeded"\} 1$/m);
    expect(workerMetrics).toMatch(/^db_pool_connections\{state="total"\} \d+$/m);

    const exited = once(worker, 'exit');
    worker.kill('SIGTERM');
    const [code] = await exited;
    expect(code, logs.join('')).toBe(0);
    expect(logs.join('')).toContain('job worker stopping');
  });

  it('hands the job in progress back on SIGTERM; the next server resumes it, each item once', { timeout: 120_000 }, async () => {
    const items = 20_000;
    const { database, start } = await setUp();
    const first = await start();
    const token = await signUp(first, 'leaver');
    const job = await submit(first, token, articles(items));
    await waitFor('the first batches', async () => (await jobOf(first, token, job.id)).processed > 0, 30_000, 20);
    expect(await first.stop('SIGTERM')).toBe(0);
    const handedBack = first.logs.some((line) => line.includes('job handed back at shutdown'));
    const afterStop = await storedArticles(database);

    const second = await start();
    await waitFor('the job to succeed', async () => (await jobOf(second, token, job.id)).status === 'succeeded', 60_000, 250);
    expect(await jobOf(second, token, job.id)).toMatchObject({ processed: items, succeeded: items });
    expect(await storedArticles(database)).toEqual({ total: items, titles: items, counted: items });
    const metrics = await (await fetch(`${second.baseUrl}/metrics`)).text();
    const applied = Number(/^conduit_job_items_total\{tenant="default",outcome="succeeded"\} (\d+)$/m.exec(metrics)?.[1]);
    expect(applied).toBe(items - afterStop.total);
    // Unless the first server had finished by the time it stopped, it handed the job back.
    if (afterStop.total < items) expect(handedBack).toBe(true);
  });

  it('leaves no job behind an upload that does not arrive within HTTP_REQUEST_TIMEOUT_MS', { timeout: 60_000 }, async () => {
    const { database, start } = await setUp();
    const server = await start({ HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_HEADERS_TIMEOUT_MS: '1000' });
    const token = await signUp(server, 'trickler');
    const connection = await RawConnection.open(server.baseUrl);
    const first = `${articles(1)}\n`;
    await connection.write(
      `POST /api/articles/imports HTTP/1.1\r\nHost: x\r\nAuthorization: Token ${token}\r\n` +
        `Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n${first.length.toString(16)}\r\n${first}\r\n`,
    );
    // The rest never comes: Node ends the request, and the upload with it.
    await waitFor('the connection to be cut', async () => connection.closed, 10_000, 100);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const listed = await fetch(`${server.baseUrl}/api/jobs`, { headers: { Authorization: `Token ${token}` } });
    expect(((await listed.json()) as { jobsCount: number }).jobsCount).toBe(0);
    const client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    const { rows } = await client.query<{ count: string }>('select count(*) from jobs');
    await client.end();
    expect(rows[0]?.count).toBe('0');
  });
});
