import { AsyncLocalStorage } from 'node:async_hooks';
import { type Deadline, type ScopedWork, StoredRequestScope } from '@conduit/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-errors.js';
import { createOrm, type Orm } from './orm.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

const scope = new StoredRequestScope(new AsyncLocalStorage<ScopedWork>());
const within = <T>(workload: string, work: () => Promise<T>) => scope.run({ workload }, work);

let database: TestDatabase;
let orm: Orm;
beforeAll(async () => {
  database = await createTestDatabase();
  orm = await createOrm({
    databaseUrl: database.url,
    poolSize: 8,
    acquireTimeoutMs: 2000,
    scope,
    connectionBudgets: { perWorkload: 2, maxWaitMs: 150 },
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

describe('connection budgets and the deadline of the work', () => {
  /** Runs `work` as work of its own whose deadline is `deadline`, as a request's scope holds it. */
  const deadlines = {
    run: <T>(deadline: Deadline, work: () => T): T =>
      scope.runApart({}, () => {
        scope.current().progress.deadline = deadline;
        return work();
      }),
  };
  let bounded: Orm;
  beforeAll(async () => {
    bounded = await createOrm({
      databaseUrl: database.url,
      poolSize: 4,
      acquireTimeoutMs: 60_000,
      // A wait far longer than any test: only the deadline can end it.
      scope,
      connectionBudgets: { perWorkload: 1, maxWaitMs: 60_000 },
    });
  });
  afterAll(async () => {
    await bounded.close();
  });

  it('takes no connection for a statement past its deadline, and stops waiting for one when the deadline passes', async () => {
    const pool = await bounded.em.getConnection().getNativeClient();
    const passed = new AbortController();
    passed.abort(new Error('deadline passed'));
    const taken = () => pool.totalCount - pool.idleCount;
    const before = taken();
    const late = await deadlines
      .run(passed.signal, () => within('GET /late', () => pool.query('select 1')))
      .catch((error: unknown) => error);
    // Refused as "busy" (503), which every layer above reads as "nothing done".
    expect(isDatabaseUnavailable(late)).toBe(true);
    expect(taken()).toBe(before);
    // Work past its commit point is finished however late: a write that committed reads back what it wrote.
    const committed = { aborted: true, reason: new Error('deadline passed'), pastCommitPoint: true };
    expect((await deadlines.run(committed, () => within('GET /late', () => pool.query('select 1 as one')))).rows).toEqual([{ one: 1 }]);

    // One statement holds the workload's only turn; the next waits for it until its deadline passes.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query('select pg_advisory_lock(9)');
      const holding = within('GET /held', () => pool.query('select pg_advisory_xact_lock_shared(9)'));
      for (let waiting = 0; waiting < 1; ) {
        const { rows } = await blocker.query<{ waiting: number }>(
          "select count(*)::int as waiting from pg_locks where locktype = 'advisory' and objid = 9 and not granted",
        );
        waiting = rows[0]?.waiting ?? 0;
      }
      const live = new AbortController();
      const waiting = deadlines
        .run(live.signal, () => within('GET /held', () => pool.query('select 1')))
        .then(
          () => 'ran',
          (error: unknown) => error,
        );
      // Waiting now (a turn is looked at every few ms); its deadline passes while it waits.
      await new Promise((resolve) => setTimeout(resolve, 20));
      live.abort(new Error('deadline passed'));
      expect(isDatabaseUnavailable(await waiting)).toBe(true);
      await blocker.query('select pg_advisory_unlock(9)');
      await holding;
    } finally {
      await blocker.end();
    }
  });
});
