import { request } from 'node:http';
import getPort from 'get-port';
import { describe, expect, it } from 'vitest';
import { serverForThisFile, spawnServerOnTestDatabase, workersThatAnswered } from './testing/spawn-server.js';

const running = serverForThisFile({
  WEB_CONCURRENCY: '2',
  RATE_LIMIT_ANONYMOUS: '6/60',
  // Each test below is its own client address, so budgets spent by one do not leak into another.
  TRUSTED_PROXIES: 'loopback',
});

type Answer = { status: number; body: string };

/** One request on a connection of its own, so the cluster hands each to a worker in turn. */
const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const call = request(`${running.server.baseUrl}${path}`, { method, headers, agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    call.on('error', reject);
    call.end(body);
  });

const metricValue = (text: string, line: RegExp) =>
  Number(
    text
      .split('\n')
      .find((entry) => line.test(entry))
      ?.split(' ')
      .at(-1),
  );

describe('WEB_CONCURRENCY=2: two worker processes on one port', () => {
  it('spreads connections over both, and a token from one worker is good at the other', async () => {
    const from = { 'X-Forwarded-For': '203.0.113.1', 'Content-Type': 'application/json' };
    const user = { username: `cluster${Date.now()}`, email: `cluster${Date.now()}@example.com`, password: 'password123' };
    const signedUp = await send('POST', '/api/users', from, JSON.stringify({ user }));
    expect(signedUp.status).toBe(201);
    const token = (JSON.parse(signedUp.body) as { user: { token: string } }).user.token;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => send('GET', '/api/user', { Authorization: `Token ${token}`, 'X-Forwarded-For': '203.0.113.1' })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    await expect.poll(() => workersThatAnswered(running.server.logs).size, { timeout: 60_000 }).toBe(2);
  });

  it('counts one rate-limit budget per client for the whole instance, not one per worker', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => send('GET', '/api/tags', { 'X-Forwarded-For': '203.0.113.2' })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(6);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
  });

  it('/metrics sums every worker', async () => {
    const countLine = /^http_request_duration_seconds_count\{method="GET",route="\/api\/articles\/:slug",status="404"\}/;
    const before = metricValue((await send('GET', '/metrics')).body, countLine);
    const requests = 8;
    for (let index = 0; index < requests; index += 1) {
      expect((await send('GET', `/api/articles/nothing-${index}`, { 'X-Forwarded-For': `203.0.113.${10 + index}` })).status).toBe(404);
    }
    const after = metricValue((await send('GET', '/metrics')).body, countLine);
    expect(after - (Number.isNaN(before) ? 0 : before)).toBe(requests);
  });

  it('replaces a worker that dies, and keeps answering', async () => {
    const workerPids = new Set(
      running.server.logs.flatMap((line) => (line.includes('"worker":') ? (/"pid":(\d+)/.exec(line)?.[1] ?? []) : [])),
    );
    const victim = Number([...workerPids][0]);
    process.kill(victim, 'SIGKILL');
    await expect
      .poll(() => running.server.logs.some((line) => line.includes('a worker died: starting another')), { timeout: 60_000 })
      .toBe(true);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => send('GET', '/livez', { 'X-Forwarded-For': `203.0.113.${50 + index}` })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('SIGTERM stops every worker gracefully, then the primary: exit 0', async () => {
    const workerPids = new Set(
      running.server.logs.flatMap((line) => (line.includes('"worker":') ? (/"pid":(\d+)/.exec(line)?.[1] ?? []) : [])).map(Number),
    );
    expect(await running.server.stop('SIGTERM')).toBe(0);
    expect(running.server.logs.filter((line) => line.includes('"worker"') && line.includes('"msg":"stopped"'))).toHaveLength(2);
    const alive = [...workerPids].filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  });
});

describe('WEB_CONCURRENCY=2 with METRICS_PORT: the primary serves every worker’s metrics on its own port', () => {
  it('sums the workers there, and keeps /metrics off the API port', async () => {
    const metricsPort = await getPort({ host: '127.0.0.1' });
    const running = await spawnServerOnTestDatabase({ WEB_CONCURRENCY: '2', METRICS_PORT: String(metricsPort) });
    try {
      for (let index = 0; index < 6; index += 1) {
        const answer = await fetch(`${running.server.baseUrl}/api/tags`, { headers: { Connection: 'close' } });
        expect(answer.status).toBe(200);
      }
      expect((await fetch(`${running.server.baseUrl}/metrics`)).status).toBe(404);
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      const tags = text
        .split('\n')
        .find((line) => line.startsWith('http_request_duration_seconds_count{method="GET",route="/api/tags",status="200"}'));
      expect(Number(tags?.split(' ').at(-1))).toBe(6);
      expect(text).toContain('db_pool_connections');
    } finally {
      await running.stop();
    }
  });
});
