import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerBehindProxy, spawnServerBehindProxy } from './testing/spawn-server.js';

/*
 * A database that stops answering (as `kill -STOP` leaves it: connections open, nothing back, none of
 * its own timeouts enforced), frozen by a proxy at a chosen message: before a write's statement, or
 * before its COMMIT. Every answer must come while it is still frozen (so by the deadline, whatever
 * the machine's speed: the verdict is that state, not a time), and must not claim more than is
 * known: "nothing applied" only where nothing will be.
 */

const BUDGET_MS = 2_000;
let running: ServerBehindProxy | undefined;
let proxy: ServerBehindProxy['proxy'];
let server: RunningServer;
let token: string;
let slug: string;

type Answer = { status: number; code?: string; replayed: string | null; body: Record<string, unknown> };

const call = async (method: string, path: string, options: { body?: unknown; key?: string } = {}): Promise<Answer> => {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Token ${token}`,
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.key === undefined ? {} : { 'Idempotency-Key': options.key }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, code: body.code as string | undefined, replayed: response.headers.get('idempotent-replayed'), body };
};

const comment = (text: string, key?: string) =>
  call('POST', `/api/articles/${slug}/comments`, { body: { comment: { body: text } }, ...(key ? { key } : {}) });

const commentsNamed = async (text: string) => {
  const listed = await call('GET', `/api/articles/${slug}/comments`);
  return (listed.body.comments as { id: number; body: string }[]).filter((each) => each.body === text);
};

/** Runs `during` with the proxy frozen at `steps`; every answer it awaited came while still frozen, then it thaws. */
const whileFrozen = async <T>(steps: RegExp[], during: () => Promise<T>): Promise<T> => {
  proxy.freezeAt(...steps);
  try {
    const answered = await during();
    expect(proxy.isFrozen(), 'the answers came only once the database answered again').toBe(true);
    return answered;
  } finally {
    proxy.thaw();
  }
};

beforeAll(async () => {
  running = await spawnServerBehindProxy({ REQUEST_TIMEOUT_MS: String(BUDGET_MS), RATE_LIMITS_ENABLED: 'false' });
  ({ server, proxy } = running);
  const signedUp = await fetch(`${server.baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { username: 'frozen', email: 'frozen@example.com', password: 'password123' } }),
  });
  token = ((await signedUp.json()) as { user: { token: string } }).user.token;
  const created = await call('POST', '/api/articles', { body: { article: { title: 'Cold', description: 'd', body: 'b' } } });
  slug = (created.body.article as { slug: string }).slug;
});
afterAll(async () => {
  await running?.stop();
});

describe('a database that freezes under a write', () => {
  it('answers a keyed write whose COMMIT got no answer by its deadline: outcome unknown; its retry then hears the real outcome', async () => {
    const key = randomUUID();
    const [write, read] = await whileFrozen([/insert into "comments"/, /\bcommit\b/i], async () => {
      const pending = comment('committed late', key);
      // Once frozen, the whole database is: a read is answered by its deadline too.
      while (!proxy.isFrozen()) await new Promise((resolve) => setTimeout(resolve, 10));
      return [await pending, await call('GET', '/api/articles')];
    });
    expect([write.status, write.code]).toEqual([503, 'WRITE_OUTCOME_UNKNOWN']);
    // Its deadline, or its wait for a connection (DB_ACQUIRE_TIMEOUT_MS), whichever comes first.
    expect(read.status).toBe(503);
    expect(['DEADLINE_EXCEEDED', 'SERVICE_UNAVAILABLE']).toContain(read.code);
    // Thawed, the COMMIT arrives and the write is applied; the retry gets its answer (asked again while it is being kept).
    let retry = await comment('committed late', key);
    for (let round = 0; round < 200 && retry.code === 'IDEMPOTENT_REQUEST_IN_PROGRESS'; round++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      retry = await comment('committed late', key);
    }
    expect([retry.status, retry.replayed], JSON.stringify(retry.body)).toEqual([200, 'true']);
    const applied = await commentsNamed('committed late');
    expect(applied.map((each) => each.id)).toEqual([(retry.body.comment as { id: number }).id]);
  });

  it('answers a write without a key whose statement got no answer: outcome unknown, and it was in fact applied', async () => {
    const write = await whileFrozen([/insert into "comments"/], () => comment('sent, unanswered'));
    expect([write.status, write.code]).toEqual([503, 'WRITE_OUTCOME_UNKNOWN']);
    for (let round = 0; round < 200 && (await commentsNamed('sent, unanswered')).length === 0; round++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await commentsNamed('sent, unanswered')).toHaveLength(1);
  });

  it('answers a keyed write frozen before its commit point: deadline exceeded, nothing applied, and its retry runs afresh', async () => {
    const key = randomUUID();
    const write = await whileFrozen([/insert into "comments"/], () => comment('never committed', key));
    expect([write.status, write.code]).toEqual([503, 'DEADLINE_EXCEEDED']);
    let retry = await comment('never committed', key);
    for (let round = 0; round < 200 && retry.code === 'IDEMPOTENT_REQUEST_IN_PROGRESS'; round++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      retry = await comment('never committed', key);
    }
    expect([retry.status, retry.replayed]).toEqual([200, null]);
    expect(await commentsNamed('never committed')).toHaveLength(1);
  });
});
