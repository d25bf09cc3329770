import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import { createLogger, parseConfig } from '@conduit/composition';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Application, compose } from './compose.js';

let database: TestDatabase;
let application: Application;

beforeAll(async () => {
  database = await createTestDatabase();
  const parsed = parseConfig({
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    // Far apart, so that their order, not the machine's speed, decides each answer: the acquire
    // timeout ends long before the request deadline, which ends long before statement_timeout.
    REQUEST_TIMEOUT_MS: '2000',
    DB_STATEMENT_TIMEOUT_MS: '30000',
    DB_POOL_SIZE: '1',
    DB_ACQUIRE_TIMEOUT_MS: '150',
    READINESS_TIMEOUT_MS: '10000',
  });
  if (!parsed.ok) throw new Error(parsed.message);
  application = await compose(parsed.config, createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: false }));
});
afterAll(async () => {
  await application?.close();
  await database?.drop();
});

/** Holds an exclusive lock on a table until released: every query on it waits, as on a slow database. */
const lockTable = async (table: string) => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in access exclusive mode`);
  return async () => {
    await client.query('rollback');
    await client.end();
  };
};

const timed = async (path: string) => {
  const started = performance.now();
  const response = await application.app.request(path);
  return { response, body: await response.json(), ms: performance.now() - started };
};

describe('/metrics on a real PostgreSQL', () => {
  it('reports the pool connections by state', async () => {
    await application.app.request('/api/tags');
    const text = await (await application.app.request('/metrics')).text();
    expect(text).toMatch(/db_pool_connections\{state="total"\} 1/);
    expect(text).toMatch(/db_pool_connections\{state="waiting"\} 0/);
  });
});

describe('Server-Timing on a real PostgreSQL', () => {
  it('reports the time the request spent in the database and in total', async () => {
    const response = await application.app.request('/api/articles');
    const match = /^db;dur=(\d+\.\d), total;dur=(\d+\.\d)$/.exec(response.headers.get('Server-Timing') ?? '');
    expect(match).not.toBeNull();
    const [db, total] = [Number(match?.[1]), Number(match?.[2])];
    expect(db).toBeGreaterThan(0);
    expect(total).toBeGreaterThanOrEqual(db);
  });
});

describe('time budgets on a real PostgreSQL', () => {
  it('answers at the deadline when the database is slow, then fails fast while the pool is exhausted', async () => {
    const release = await lockTable('articles');
    try {
      const slow = await timed('/api/articles');
      expect(slow.response.status).toBe(503);
      // Not the statement timeout's 503 (SERVICE_UNAVAILABLE, after 30 s): the deadline's, and never before it.
      expect(slow.body.code).toBe('DEADLINE_EXCEEDED');
      expect(slow.ms).toBeGreaterThanOrEqual(1990);

      // The only connection still waits on the lock (bounded by statement_timeout): no connection
      // is free, and a request that needs one is refused by the acquire timeout, not the deadline.
      const starved = await timed('/api/tags');
      expect(starved.response.status).toBe(503);
      expect(starved.response.headers.get('Retry-After')).toBe('1');
      expect(starved.body.code).toBe('SERVICE_UNAVAILABLE');

      // Readiness has a connection of its own: a busy pool is not an unready instance.
      const ready = await timed('/readyz');
      expect(ready.response.status).toBe(200);
    } finally {
      await release();
    }
    // The lock is gone and the statement that waited on it ends: everything recovers by itself.
    let recovered = 0;
    for (const giveUpAt = performance.now() + 30_000; recovered !== 200 && performance.now() < giveUpAt; ) {
      recovered = (await timed('/api/articles')).response.status;
    }
    expect(recovered).toBe(200);
    expect((await timed('/readyz')).response.status).toBe(200);
  });
});
