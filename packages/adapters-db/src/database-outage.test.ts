import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseProbe } from './database-health.js';
import { createOrm, type Orm } from './orm.js';
import { outageProxy } from './testing/outage-proxy.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

let database: TestDatabase;
let orm: Orm;
let probe: DatabaseProbe;
let proxy: Awaited<ReturnType<typeof outageProxy>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const target = new URL(database.url);
  proxy = await outageProxy(target);
  const viaProxy = new URL(database.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port());
  orm = await createOrm({ databaseUrl: viaProxy.toString(), acquireTimeoutMs: 300, poolSize: 2 });
  probe = new DatabaseProbe(viaProxy.toString());
});
afterAll(async () => {
  await orm.close(true).catch(() => undefined);
  await probe.close();
  await proxy.cut();
  await database.drop();
});

describe('readiness through a database outage', () => {
  it('fails within its timeout while PostgreSQL is unreachable, and recovers by itself', async () => {
    // Ping timeouts are ceilings that only catch a hang: a busy machine answers late, never wrongly.
    expect(await probe.ping(10_000)).toBe(true);
    await proxy.cut();
    const started = performance.now();
    expect(await probe.ping(500)).toBe(false);
    expect(performance.now() - started).toBeLessThan(10_000);
    await proxy.restore();
    let recovered = false;
    for (const giveUpAt = performance.now() + 30_000; !recovered && performance.now() < giveUpAt; ) {
      recovered = await probe.ping(5_000);
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(recovered).toBe(true);
  });
});
