import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawConnection, sendRaw } from './testing/raw-connection.js';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await spawnServer({
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SHUTDOWN_DRAIN_DELAY_MS: '400',
    REQUEST_TIMEOUT_MS: '5000',
  });
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  await database?.drop();
});

/** Sends raw bytes, for requests that fetch() would refuse to send. */
const rawRequest = (request: string): Promise<string> => sendRaw(server.baseUrl, request);

describe('requests Node refuses before the application', () => {
  it('oversized headers: 431 problem', async () => {
    const answer = await rawRequest(`GET /api/tags HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(32 * 1024)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('application/json; charset=utf-8');
    expect(answer).toContain('"code":"HEADERS_TOO_LARGE"');
  });

  it('oversized headers followed by a large body: the client reads its 431, not a reset', async () => {
    // fetch sends the body while the server has already answered: the answer must reach it whole.
    const response = await fetch(`${server.baseUrl}/api/articles/any`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-Big': 'a'.repeat(20 * 1024) },
      body: JSON.stringify({ padding: 'x'.repeat(2_000_000) }),
    });
    expect(response.status).toBe(431);
    expect(((await response.json()) as { code: string }).code).toBe('HEADERS_TOO_LARGE');
  });

  it('a non-numeric Content-Length: 413 problem', async () => {
    const answer = await rawRequest(
      'POST /api/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });
});

describe('graceful shutdown', () => {
  it('fails readiness, drains, lets a slow in-flight request finish with 200, then exits 0', async () => {
    // Make GET /api/articles slow: it waits for this lock.
    const locker = new pg.Client({ connectionString: database.ownerUrl });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table articles in access exclusive mode');

    const slow = fetch(`${server.baseUrl}/api/articles`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const exit = server.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const readiness = await fetch(`${server.baseUrl}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ status: 'fail' });

    // After the drain delay the listener is closed: new connections are refused.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(RawConnection.open(server.baseUrl)).rejects.toThrow();

    await locker.query('rollback');
    await locker.end();
    const response = await slow;
    expect(response.status).toBe(200);
    expect((await response.json()).articlesCount).toBe(0);
    expect(await exit).toBe(0);
    expect(server.logs.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
  });
});

describe('shutdown with default settings under load', () => {
  it('answers every request already written to an open connection, then closes it (Connection: close)', async () => {
    const target = await spawnServer({ DATABASE_URL: database.url, JWT_SECRET: randomBytes(32).toString('hex') });
    const connections = await Promise.all(Array.from({ length: 10 }, () => RawConnection.open(target.baseUrl)));
    const figures = { written: 0, answered: 0, lost: 0, closedByAnswer: 0 };
    let signalled = false;
    // ~100 requests a second over 10 keep-alive connections, before and after SIGTERM.
    const client = async (connection: RawConnection, index: number) => {
      await new Promise((resolve) => setTimeout(resolve, index * 10));
      for (let i = 0; i < 40; i++) {
        if (connection.closed) return;
        await connection.write('GET /api/tags HTTP/1.1\r\nHost: x\r\n\r\n');
        figures.written++;
        const answer = await connection.response().catch(() => null);
        if (answer === null) {
          figures.lost++;
          return;
        }
        figures.answered++;
        if (answer.headers.connection === 'close') {
          figures.closedByAnswer++;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const load = Promise.all(connections.map(client));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const exit = target.stop('SIGTERM');
    signalled = true;
    await load;
    console.info(`[shutdown] ${JSON.stringify(figures)}`);
    expect(signalled).toBe(true);
    expect(figures.lost).toBe(0);
    expect(figures.closedByAnswer).toBe(10);
    expect(await exit).toBe(0);
  });
});

describe('a second signal', () => {
  it('exits at once, without waiting for the drain', async () => {
    const other = await spawnServer({
      DATABASE_URL: database.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SHUTDOWN_DRAIN_DELAY_MS: '120000',
    });
    const started = performance.now();
    other.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Exit code 1 long before the two-minute drain would end: the second signal did not wait for it.
    expect(await other.stop('SIGTERM')).toBe(1);
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});

describe('configuration', () => {
  it('stops a bad setting at start with one line naming the variable and exit code 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
    const run = spawnSync(process.execPath, [main], { env: { ...process.env, PORT: 'not-a-port' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: PORT /)]);
    expect(run.stderr).not.toContain('    at ');
  });

  /** Runs the built server once; a variable set to undefined is removed from the environment. */
  const startOnce = async (overrides: Record<string, string | undefined>) => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
    const env = Object.fromEntries(
      Object.entries({ ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...overrides }).filter(([, value]) => value !== undefined),
    );
    const child = spawn(process.execPath, [main], { env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [status] = (await once(child, 'exit')) as [number | null];
    return { status, lines: stderr.trim().split('\n') };
  };

  it.each([
    [
      'a database port nobody listens on',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/conduit' },
      /no PostgreSQL answers at 127\.0\.0\.1:1 .*fix DATABASE_URL/,
    ],
    ['every production setting missing', { NODE_ENV: 'production' }, /JWT_SECRET or JWT_KEYS is required.*; DATABASE_URL is required/],
  ])('start-up failure, %s: one line with the cause and the fix, exit 1', async (_name, env, line) => {
    const run = await startOnce(env);
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([expect.stringMatching(line)]);
  });

  it.skipIf(process.getuid?.() !== 0)(
    "as root, an embedded database PostgreSQL's user cannot reach: one line saying what to set",
    async () => {
      const { mkdtemp } = await import('node:fs/promises');
      const { tmpdir } = await import('node:os');
      const { rm } = await import('node:fs/promises');
      const closed = await mkdtemp(`${tmpdir()}/conduit-closed-`); // mode 0700
      try {
        const run = await startOnce({ DATA_DIR: `${closed}/data`, DATABASE_URL: undefined });
        expect(run.status).toBe(1);
        expect(run.lines).toEqual([expect.stringMatching(new RegExp(`cannot enter ${closed}.*set DATABASE_URL.*DATA_DIR`))]);
      } finally {
        await rm(closed, { recursive: true, force: true });
      }
    },
  );

  it('one server per data folder: a second is refused in one line naming it and the holder; after kill -9, the next start takes over', async () => {
    const { chmod, mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dataDir = await mkdtemp(`${tmpdir()}/conduit-data-`);
    await chmod(dataDir, 0o755); // as root, PostgreSQL runs as the user `postgres`
    // The embedded PostgreSQL, as on a fresh machine (spawn drops a variable set to undefined).
    const embedded = { DATA_DIR: dataDir, DATABASE_URL: undefined as unknown as string };
    try {
      const first = await spawnServer(embedded);
      const second = await startOnce({ ...embedded, PORT: '0' });
      expect(second.status).toBe(1);
      expect(second.lines).toEqual([
        expect.stringMatching(new RegExp(`data folder ${dataDir}/db is in use by another Conduit process \\(pid ${first.process.pid}`)),
      ]);
      expect(second.lines.join('')).not.toMatch(/remove|delete/i);

      // kill -9 leaves its PostgreSQL running; the next server stops that one and starts afresh on the same data.
      expect(await first.stop('SIGKILL')).toBeNull();
      const third = await spawnServer(embedded);
      expect((await fetch(`${third.baseUrl}/api/tags`)).status).toBe(200);
      expect(await third.stop('SIGTERM')).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('production refuses a database that does not exist, instead of creating it', async () => {
    const missing = new URL(database.url);
    missing.pathname = `/conduit_missing_${randomBytes(4).toString('hex')}`;
    const run = await startOnce({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: missing.toString() });
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([expect.stringMatching(/database "conduit_missing_\w+" does not exist.*createdb/)]);
    const admin = new pg.Client({ connectionString: database.ownerUrl });
    await admin.connect();
    const found = await admin.query('select 1 from pg_database where datname = $1', [missing.pathname.slice(1)]);
    await admin.end();
    expect(found.rowCount).toBe(0);
  });

  it('a port already in use: one line, exit 1', async () => {
    const { createServer } = await import('node:net');
    const occupant = createServer();
    await new Promise<void>((resolve) => occupant.listen(0, '127.0.0.1', resolve));
    const port = String((occupant.address() as { port: number }).port);
    const run = await startOnce({ DATABASE_URL: database.url, JWT_SECRET: 'x'.repeat(40), PORT: port });
    occupant.close();
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([expect.stringMatching(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*set PORT`))]);
  });
});
