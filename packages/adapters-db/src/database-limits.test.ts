import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-errors.js';
import { DatabaseProbe } from './database-health.js';
import { poolUsage } from './orm.js';
import { openPostgresTestContext, type PostgresTestContext } from './testing/test-database.js';

let db: PostgresTestContext;
beforeAll(async () => {
  db = await openPostgresTestContext({ statementTimeoutMs: 200, acquireTimeoutMs: 100, poolSize: 1 });
});
afterAll(async () => {
  await db.close();
});

describe('database limits', () => {
  it('cancels a statement at statement_timeout, and the failure reads as "unavailable"', async () => {
    // A statement that would run for a minute: any answer sooner is the timeout's (a ceiling, not a measure).
    const started = performance.now();
    const error = await db.orm.em
      .fork()
      .execute('select pg_sleep(60)')
      .catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('refuses to wait longer than the acquire timeout for a connection', async () => {
    const pool = await db.orm.em.getConnection().getNativeClient();
    const probe = new DatabaseProbe(db.url);
    const held = await pool.connect();
    try {
      expect(poolUsage(db.orm).idle).toBe(0);
      // The only connection is held until the end: an answer at all is the acquire timeout's.
      const error = await db.queries.tags.all().catch((caught: unknown) => caught);
      expect(isDatabaseUnavailable(error)).toBe(true);
      // Readiness has a connection of its own: an exhausted pool does not make the instance unready.
      expect(await probe.ping(10_000)).toBe(true);
    } finally {
      held.release();
      await probe.close();
    }
  });

  it('does not mistake a defect for unavailability', () => {
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});
