import { AsyncLocalStorage } from 'node:async_hooks';
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
    poolSize: 4,
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
    const pool = await orm.em.getConnection().getNativeClient();
    const sleep = () => pool.query('select pg_sleep(0.6)');
    const stuck = [1, 2, 3].map(() =>
      within('GET /slow', sleep).then(
        () => 'done',
        (error: unknown) => error,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Two connections are taken by the slow workload; another workload, via the ORM and via the pool, still runs at once.
    const started = performance.now();
    await within('GET /fast', () => orm.em.fork().execute('select 1'));
    await within('GET /fast', () => pool.query('select 1'));
    expect(performance.now() - started).toBeLessThan(100);

    // The third slow statement waited past its budget's wait and failed as "database busy" (503), not as a defect.
    const outcomes = await Promise.all(stuck);
    expect(outcomes.filter((outcome) => outcome === 'done')).toHaveLength(2);
    const refused = outcomes.find((outcome) => outcome !== 'done');
    expect(isDatabaseUnavailable(refused)).toBe(true);
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
