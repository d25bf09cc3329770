import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-errors.js';
import { createOrm, type Orm } from './orm.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

const workloads = new AsyncLocalStorage<string>();
const within = <T>(workload: string, work: () => Promise<T>) => workloads.run(workload, work);

let database: TestDatabase;
let orm: Orm;
beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createOrm({
    databaseUrl: database.url,
    poolSize: 8,
    acquireTimeoutMs: 2000,
    connectionBudgets: { perWorkload: 2, maxWaitMs: 150, currentWorkload: () => workloads.getStore() },
  });
});
afterAll(async () => {
  await orm.close();
  await database.drop();
});

describe('connection budgets per workload', () => {
  it('lets one workload hold at most its budget; others keep the rest of the pool', async () => {
    // The slow workload's statements wait on a lock this test holds, so they stay on their
    // connections exactly as long as the test says: no sleep whose length the machine's load decides.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query('select pg_advisory_lock(7)');
      const pool = await orm.em.getConnection().getNativeClient();
      let slowFinished = 0;
      const stuck = [1, 2, 3].map(() =>
        within('GET /slow', () => pool.query('select pg_advisory_xact_lock_shared(7)')).then(
          () => {
            slowFinished++;
            return 'done';
          },
          (error: unknown) => error,
        ),
      );
      // Until two of them hold a connection and wait on the lock.
      for (let waiting = 0; waiting < 2; ) {
        const { rows } = await blocker.query<{ waiting: number }>(
          "select count(*)::int as waiting from pg_locks where locktype = 'advisory' and objid = 7 and not granted",
        );
        waiting = rows[0]?.waiting ?? 0;
      }

      // The slow workload holds its two connections; another workload, via the ORM and via the pool,
      // still gets one (waiting for a connection past the budget's wait would fail, as the third slow one does).
      await within('GET /fast', () => orm.em.fork().execute('select 1'));
      await within('GET /fast', () => pool.query('select 1'));
      expect(slowFinished).toBe(0);

      // The third slow statement waited past its budget's wait and failed as "database busy" (503), not as a defect.
      const refused = await Promise.race(stuck);
      expect(isDatabaseUnavailable(refused)).toBe(true);
      await blocker.query('select pg_advisory_unlock(7)');
      const outcomes = await Promise.all(stuck);
      expect(outcomes.filter((outcome) => outcome === 'done')).toHaveLength(2);
    } finally {
      await blocker.end();
    }
  });

  it('keeps the last connections of the pool for workloads that hold none, whatever the caps add up to', async () => {
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query('select pg_advisory_lock(8)');
      const pool = await orm.em.getConnection().getNativeClient();
      // Four operations read the locked table, two requests each: their caps (2 each) add up to the
      // whole pool of 8. Six get in; of the last two of the pool, each operation that holds none
      // may take one (D's first), and nothing more.
      const stuck = ['A', 'B', 'C', 'D'].flatMap((name) =>
        [1, 2].map(() =>
          within(`GET /stuck-${name}`, () => pool.query('select pg_advisory_xact_lock_shared(8)')).then(
            () => 'done',
            (error: unknown) => error,
          ),
        ),
      );
      const waitingOnLock = async () =>
        (
          await blocker.query<{ waiting: number }>(
            "select count(*)::int as waiting from pg_locks where locktype = 'advisory' and objid = 8 and not granted",
          )
        ).rows[0]?.waiting ?? 0;
      while ((await waitingOnLock()) < 7);

      // An operation that holds nothing still gets a connection, twice over.
      await Promise.all([
        within('GET /other', () => pool.query('select 1')),
        within('GET /another', () => orm.em.fork().execute('select 1')),
      ]);
      // D's second request was kept out of the reserve, and refused as "database busy" (503) at its wait.
      const refused = await Promise.race(stuck);
      expect(isDatabaseUnavailable(refused)).toBe(true);
      expect(await waitingOnLock()).toBe(7);
      await blocker.query('select pg_advisory_unlock(8)');
      const settled = await Promise.all(stuck);
      expect(settled.filter((outcome) => outcome === 'done')).toHaveLength(7);
    } finally {
      await blocker.end();
    }
  });

  it('gives the turn back when a connection is released, also inside transactions', async () => {
    for (let i = 0; i < 10; i++) {
      await within('PUT /write', () => orm.em.fork().transactional((em) => em.execute('select 1')));
    }
    const pool = await orm.em.getConnection().getNativeClient();
    const parallel = await Promise.all(Array.from({ length: 6 }, () => within('GET /list', () => pool.query('select 1').then(() => true))));
    expect(parallel.every(Boolean)).toBe(true);
  });
});
