import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerBehindProxy, spawnServerBehindProxy } from './testing/spawn-server.js';

/** The budget: a 45 s outage under load writes at most 100 KB of log. */
const OUTAGE_SECONDS = 45;
const LOG_BUDGET_BYTES = 100 * 1024;

let running: ServerBehindProxy | undefined;
let proxy: ServerBehindProxy['proxy'];
let server: RunningServer;

beforeAll(async () => {
  running = await spawnServerBehindProxy({ REQUEST_TIMEOUT_MS: '2000' });
  ({ server, proxy } = running);
});
afterAll(async () => {
  await running?.stop();
});

const bytesOf = (lines: readonly string[]) => lines.reduce((total, line) => total + Buffer.byteLength(line) + 1, 0);

describe('logs an operator can read during an incident', () => {
  it(`a ${OUTAGE_SECONDS} s database outage under 40 requests a second writes at most 100 KB of log`, async () => {
    const base = server.baseUrl;
    const signUp = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { username: 'outage', email: 'outage@example.com', password: 'password123' } }),
    });
    const { token } = (await signUp.json()).user as { token: string };
    const auth = { Authorization: `Token ${token}` };
    const created = await fetch(`${base}/api/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify({ article: { title: 'Before the outage', description: 'd', body: 'b' } }),
    });
    const { slug } = (await created.json()).article as { slug: string };
    const requests: (() => Promise<Response>)[] = [
      () => fetch(`${base}/api/articles`),
      () => fetch(`${base}/api/articles/${slug}`, { headers: auth }),
      () => fetch(`${base}/api/tags`),
      () => fetch(`${base}/api/user`, { headers: auth }),
      () =>
        fetch(`${base}/api/articles`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...auth },
          body: JSON.stringify({ article: { title: `During ${Math.random()}`, description: 'd', body: 'b' } }),
        }),
    ];

    const before = server.logs.length;
    await proxy.cut();
    const statuses: Record<string, number> = {};
    const inFlight: Promise<void>[] = [];
    // Open loop, 40 a second, whatever the answers.
    for (let tick = 0; tick < OUTAGE_SECONDS * 40; tick++) {
      const send = requests[tick % requests.length];
      if (send) {
        inFlight.push(
          send().then(
            async (response) => {
              await response.arrayBuffer();
              statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            },
            () => {
              statuses.lost = (statuses.lost ?? 0) + 1;
            },
          ),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await Promise.all(inFlight);
    const outage = server.logs.slice(before);
    await proxy.restore();
    await expect.poll(async () => (await fetch(`${base}/api/tags`)).status, { timeout: 60_000, interval: 200 }).toBe(200);

    const byMessage: Record<string, number> = {};
    for (const line of outage) {
      // Summaries grouped by what they summarize ("requests refused alike", …), not by their counts.
      const message = (/"msg":"([^":]*)/.exec(line)?.[1] ?? line.slice(0, 60)).trim();
      byMessage[message] = (byMessage[message] ?? 0) + 1;
    }
    console.info(
      `[outage-logs] ${JSON.stringify(statuses)}; ${outage.length} lines, ${bytesOf(outage)} bytes: ${JSON.stringify(byMessage)}`,
    );
    expect(statuses.lost ?? 0).toBe(0);
    expect(Object.keys(statuses).every((status) => status === '503' || status === '200' || status === '201')).toBe(true);
    expect(bytesOf(outage)).toBeLessThanOrEqual(LOG_BUDGET_BYTES);
  });
});
