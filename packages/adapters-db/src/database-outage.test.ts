import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseProbe } from './database-health.js';
import { createOrm, type Orm } from './orm.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

/** A TCP proxy in front of PostgreSQL that the test can cut and restore, as a network outage would. */
const outageProxy = async (target: URL) => {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      }).listen(port, '127.0.0.1', () => {
        const address = server?.address();
        if (address == null || typeof address === 'string') throw new Error('the proxy has no TCP address');
        port = address.port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      server?.close(() => resolve());
    });
  await open();
  return { port: () => port, cut, restore: open };
};

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
