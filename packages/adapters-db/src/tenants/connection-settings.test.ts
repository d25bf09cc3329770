import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresTestContext, type PostgresTestContext } from '../testing/test-database.js';

/*
 * What each pooled connection is set up with as it connects (tenant-statements.ts says why): the
 * tenant's setter prepared, and no parallel workers, on every connection the application gets.
 */

let db: PostgresTestContext;

beforeAll(async () => {
  db = await openPostgresTestContext({ poolSize: 2 });
});
afterAll(async () => {
  await db?.close();
});

describe('a pooled connection', () => {
  it('plans no parallel workers and has the tenant setter prepared, on each connection of the pool', async () => {
    const seen = await Promise.all(
      [0, 1, 2, 3].map(() =>
        db.orm.em.getConnection().execute<{ workers: string; setters: string; backend: number }[]>(
          `select current_setting('max_parallel_workers_per_gather') as workers,
                  (select count(*) from pg_prepared_statements where name = 'conduit_set_tenant')::text as setters,
                  pg_backend_pid() as backend, pg_sleep(0.05)`,
        ),
      ),
    );
    const rows = seen.map(([row]) => row);
    expect(new Set(rows.map((row) => row?.backend)).size).toBe(2);
    for (const row of rows) expect({ workers: row?.workers, setters: row?.setters }).toEqual({ workers: '0', setters: '1' });
  });
});
