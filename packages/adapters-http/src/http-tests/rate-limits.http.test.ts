import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Budget } from '../rate-limit/budgets.js';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

const budget = (name: string, points: number, windowSeconds = 60): Budget => ({ name, points, windowSeconds });

describe('rate limits', () => {
  it('limit anonymous requests per client address: 429 + Retry-After + quota headers', async () => {
    const http = createHttpTestHarness({}, { budgets: { anonymous: budget('anonymous', 3) } });
    const first = await http.call('GET', '/api/tags');
    expect(first.headers.get('RateLimit-Policy')).toBe('"anonymous";q=3;w=60');
    expect(first.headers.get('RateLimit')).toMatch(/^"anonymous";r=2;t=\d+$/);
    await http.call('GET', '/api/tags');
    await http.call('GET', '/api/tags');
    const limited = await http.call('GET', '/api/tags');
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(limited.headers.get('RateLimit')).toMatch(/^"anonymous";r=0;t=\d+$/);
    expect((await http.call('GET', '/api/tags', { remoteAddress: '198.51.100.7' })).status).toBe(200);
    expect((await http.call('GET', '/livez')).status).toBe(200);
  });

  it('count signed-in users per user, not per address', async () => {
    const http = createHttpTestHarness({}, { budgets: { authenticated: budget('user', 2) } });
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    await http.call('GET', '/api/user', { token: jake });
    await http.call('GET', '/api/user', { token: jake });
    expectProblem(await http.call('GET', '/api/user', { token: jake }), 429, 'RATE_LIMITED');
    expect((await http.call('GET', '/api/user', { token: ann })).status).toBe(200);
  });

  it('block an account after repeated failed logins, even for the right password, until the window passes', async () => {
    const http = createHttpTestHarness({}, { budgets: { loginPerAccount: budget('login-account', 3, 900) } });
    await http.register('jake', 'right-password');
    const attempt = (password: string, remoteAddress?: string) =>
      http.call('POST', '/api/users/login', { body: { user: { email: 'jake@example.com', password } }, remoteAddress });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-password')).status).toBe(401);
    const blocked = await attempt('right-password', '198.51.100.99');
    expectProblem(blocked, 429, 'RATE_LIMITED');
    expect(blocked.headers.get('RateLimit-Policy')).toContain('"login-account";q=3;w=900');
  });

  it('clear an account’s failures on a successful login', async () => {
    const http = createHttpTestHarness({}, { budgets: { loginPerAccount: budget('login-account', 3, 900) } });
    await http.register('jake', 'right-password');
    const attempt = (password: string) =>
      http.call('POST', '/api/users/login', { body: { user: { email: 'jake@example.com', password } } });
    await attempt('wrong-password');
    await attempt('wrong-password');
    expect((await attempt('right-password')).status).toBe(200);
    await attempt('wrong-password');
    await attempt('wrong-password');
    expect((await attempt('right-password')).status).toBe(200);
  });

  it('block an address that fails logins across many accounts', async () => {
    const http = createHttpTestHarness({}, { budgets: { loginPerAddress: budget('login-address', 4, 900) } });
    for (let i = 0; i < 4; i++) {
      const failed = await http.call('POST', '/api/users/login', {
        body: { user: { email: `victim${i}@example.com`, password: 'guess-guess' } },
      });
      expect(failed.status).toBe(401);
    }
    expectProblem(
      await http.call('POST', '/api/users/login', { body: { user: { email: 'victim9@example.com', password: 'guess-guess' } } }),
      429,
      'RATE_LIMITED',
    );
  });

  it('limit sign-ups per address; the 429 names the budget that refused it', async () => {
    const http = createHttpTestHarness({}, { budgets: { signUpPerAddress: budget('sign-up', 2, 3600) } });
    await http.register('one');
    await http.register('two');
    const third = await http.call('POST', '/api/users', {
      body: { user: { username: 'three', email: 'three@example.com', password: 'password123' } },
    });
    expectProblem(third, 429, 'RATE_LIMITED');
    expect(third.headers.get('RateLimit-Policy')).toBe('"sign-up";q=2;w=3600');
    expect(third.headers.get('RateLimit')).toMatch(/^"sign-up";r=0;t=\d+$/);
  });

  it('count login attempts by the email login uses, before the password is checked', async () => {
    const http = createHttpTestHarness({}, { budgets: { loginPerAccount: budget('login-account', 5, 900) } });
    await http.register('jake', 'right-password');
    const padded = `${' '.repeat(260)}JAKE@example.com `;
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        http.call('POST', '/api/users/login', { body: { user: { email: i % 2 ? padded : 'jake@example.com', password: `wrong-${i}` } } }),
      ),
    );
    const statuses = guesses.map((guess) => guess.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
    expect(http.memory.passwordHasher.verifications).toBe(5);
    const locked = await http.call('POST', '/api/users/login', { body: { user: { email: padded, password: 'right-password' } } });
    expectProblem(locked, 429, 'RATE_LIMITED');
    expect(locked.headers.get('RateLimit-Policy')).toBe('"login-account";q=5;w=900');
  });

  it('ignore X-Forwarded-For from an untrusted peer, and honour it from a trusted proxy', async () => {
    const spoofable = createHttpTestHarness({}, { budgets: { anonymous: budget('anonymous', 1) } });
    await spoofable.call('GET', '/api/tags', { headers: { 'X-Forwarded-For': '192.0.2.1' } });
    const spoofed = await spoofable.call('GET', '/api/tags', { headers: { 'X-Forwarded-For': '192.0.2.2' } });
    expectProblem(spoofed, 429, 'RATE_LIMITED');

    const proxied = createHttpTestHarness({}, { budgets: { anonymous: budget('anonymous', 1) }, trustedProxies: ['10.0.0.0/8'] });
    const viaProxy = (client: string) =>
      proxied.call('GET', '/api/tags', { remoteAddress: '10.0.0.5', headers: { 'X-Forwarded-For': client } });
    expect((await viaProxy('192.0.2.1')).status).toBe(200);
    expect((await viaProxy('192.0.2.2')).status).toBe(200);
    expect((await viaProxy('192.0.2.1')).status).toBe(429);
  });
});

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000 });
const redisReachable = await redis.connect().then(
  () => true,
  () => false,
);
if (!redisReachable && process.env.REQUIRE_REDIS) throw new Error(`Redis at ${REDIS_URL} is required (REQUIRE_REDIS is set)`);
if (!redisReachable) console.warn(`[rate-limits] no Redis at ${REDIS_URL}: the Redis suite is skipped (CI starts one)`);
afterAll(async () => {
  if (redisReachable) await redis.quit();
  else redis.disconnect();
});

describe.skipIf(!redisReachable)(`rate limits on Redis (${REDIS_URL})`, () => {
  it('share one budget between instances', async () => {
    // A budget name of its own: keys never collide with another run's.
    const shared = { anonymous: budget(`anonymous-${randomUUID()}`, 3) };
    const instanceA = createHttpTestHarness({}, { budgets: shared, redis });
    const instanceB = createHttpTestHarness({}, { budgets: shared, redis });
    expect((await instanceA.call('GET', '/api/tags')).status).toBe(200);
    expect((await instanceB.call('GET', '/api/tags')).status).toBe(200);
    expect((await instanceA.call('GET', '/api/tags')).status).toBe(200);
    expectProblem(await instanceB.call('GET', '/api/tags'), 429, 'RATE_LIMITED');
    expect(await redis.keys(`conduit:rl:${shared.anonymous.name}*`)).toContain(
      `conduit:rl:${shared.anonymous.name}:tenant:1:address:203.0.113.10`,
    );
  });
});

describe('rate limits when the shared store is down', () => {
  it('are counted by each process on its own: neither every request refused nor every one let through', async () => {
    // Nothing listens on port 1; without the offline queue every command fails at once.
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    try {
      const instance = createHttpTestHarness({}, { budgets: { anonymous: budget(`anonymous-${randomUUID()}`, 2) }, redis: down });
      expect((await instance.call('GET', '/api/tags')).status).toBe(200);
      expect((await instance.call('GET', '/api/tags')).status).toBe(200);
      expectProblem(await instance.call('GET', '/api/tags'), 429, 'RATE_LIMITED');
    } finally {
      down.disconnect();
    }
  });
});
