import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import { connectMcp } from '@conduit/adapters-http/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

/*
 * Flags changed live, per publication, on the built server: two publications told apart by Host
 * (`alpha` at localhost, `beta` at 127.0.0.1), flags set by the CLI (another process) and by an
 * admin's route while the server runs. The server re-reads flags in the background only every ten
 * minutes here: what makes a change seen within the test is its announcement at commit.
 */

const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));
const JWT_SECRET = randomBytes(32).toString('hex');

let database: TestDatabase;
let server: RunningServer;
let port: string;

const conduit = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' });
const at = (host: string, path: string) => `http://${host}:${port}${path}`;
const ALPHA = 'localhost';
const BETA = '127.0.0.1';

const send = async (host: string, method: string, path: string, body?: unknown, token?: string) => {
  const response = await fetch(at(host, path), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Token ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
};
const signUp = (host: string, username: string) =>
  send(host, 'POST', '/api/users', { user: { username, email: `${username}@example.com`, password: 'password123' } });

/** An announcement arrives a moment after the change's commit: asked again until it is seen, up to a ceiling that only catches a hang. */
const eventually = async <T>(ask: () => Promise<T>, seen: (answer: T) => boolean): Promise<T> => {
  let answer = await ask();
  for (let attempt = 0; attempt < 200 && !seen(answer); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await ask();
  }
  return answer;
};

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [slug, host] of [
    ['alpha', ALPHA],
    ['beta', BETA],
  ] as const) {
    const added = conduit('tenants', 'add', slug, '--host', host);
    expect(added.status, added.stderr).toBe(0);
  }
  server = await spawnServer({ DATABASE_URL: database.url, JWT_SECRET, RATE_LIMITS_ENABLED: 'false', FLAG_REFRESH_MS: '600000' });
  port = new URL(server.baseUrl).port;
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  await database?.drop();
});

describe('flags per publication, changed live', () => {
  it('closes sign-ups at one publication from the CLI while the server runs: refused there, accepted at the other, open again when unset', async () => {
    // The server has read alpha's flags already: only the announcement can change what it answers.
    expect((await signUp(ALPHA, 'early')).status).toBe(201);
    const closed = conduit('--tenant', 'alpha', 'flags', 'set', 'registration', 'off', '--reason', 'spam wave', '--operator', 'ops');
    expect(closed.status, closed.stderr).toBe(0);
    expect(closed.stdout).toMatch(/^registration\toff\tby ops at \S+: spam wave$/m);

    const refused = await eventually(
      () => signUp(ALPHA, `late${randomBytes(3).toString('hex')}`),
      (answer) => answer.status === 403,
    );
    expect(refused).toMatchObject({ status: 403, body: { code: 'REGISTRATION_CLOSED' } });
    expect((await signUp(BETA, 'welcome')).status).toBe(201);
    expect((await send(ALPHA, 'POST', '/api/users/login', { user: { email: 'early@example.com', password: 'password123' } })).status).toBe(
      200,
    );

    expect(conduit('--tenant', 'alpha', 'flags', 'list').stdout).toMatch(/^registration\toff\tby ops at \S+: spam wave$/m);
    expect(conduit('--tenant', 'beta', 'flags', 'list').stdout).toMatch(/^registration\ton\t\(default\)$/m);
    expect(conduit('--tenant', 'alpha', 'flags', 'unset', 'registration', '--operator', 'ops').status).toBe(0);
    expect(
      (
        await eventually(
          () => signUp(ALPHA, 'reopened'),
          (answer) => answer.status === 201,
        )
      ).status,
    ).toBe(201);
    expect(conduit('--tenant', 'alpha', 'flags', 'history').stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/\tops\tregistration\tunset$/),
      expect.stringMatching(/\tops\tregistration\toff\tspam wave$/),
    ]);
    const unknown = conduit('--tenant', 'alpha', 'flags', 'set', 'karma', '50%');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('flag must be one of');
  });

  it("closes one article's comments and the MCP door's writes at one publication, over HTTP and MCP alike", async () => {
    const alice = (await signUp(ALPHA, 'alice')).body.user.token as string;
    const bob = (await signUp(BETA, 'bob')).body.user.token as string;
    const article = { article: { title: 'Hello', description: 'd', body: 'b' } };
    expect((await send(ALPHA, 'POST', '/api/articles', article, alice)).status).toBe(201);
    expect((await send(ALPHA, 'POST', '/api/articles', { article: { ...article.article, title: 'Other' } }, alice)).status).toBe(201);
    expect((await send(BETA, 'POST', '/api/articles', article, bob)).status).toBe(201);
    const comment = { comment: { body: 'hi' } };
    expect((await send(ALPHA, 'POST', '/api/articles/hello/comments', comment, alice)).status).toBe(200);

    expect(conduit('--tenant', 'alpha', 'flags', 'set', 'comments', 'off', '--article', 'hello').status).toBe(0);
    expect(conduit('--tenant', 'alpha', 'flags', 'set', 'mcp-writes', 'off').status).toBe(0);
    const onHello = await eventually(
      () => send(ALPHA, 'POST', '/api/articles/hello/comments', comment, alice),
      (answer) => answer.status === 403,
    );
    expect(onHello).toMatchObject({ status: 403, body: { code: 'COMMENTS_DISABLED' } });
    expect((await send(ALPHA, 'POST', '/api/articles/other/comments', comment, alice)).status).toBe(200);
    expect((await send(BETA, 'POST', '/api/articles/hello/comments', comment, bob)).status).toBe(200);

    const alphaAgent = await connectMcp(at(ALPHA, '/mcp'), { token: alice });
    const betaAgent = await connectMcp(at(BETA, '/mcp'), { token: bob });
    try {
      expect((await alphaAgent.call('get_article', { slug: 'hello' })).ok).toBe(true);
      expect(await alphaAgent.call('favorite_article', { slug: 'other' })).toMatchObject({
        ok: false,
        body: { code: 'MCP_WRITES_CLOSED' },
      });
      expect((await betaAgent.call('favorite_article', { slug: 'hello' })).ok).toBe(true);
      // Over HTTP the same write stays open: the flag closes the MCP door's writes alone.
      expect((await send(ALPHA, 'POST', '/api/articles/other/favorite', undefined, alice)).status).toBe(200);
      expect(conduit('--tenant', 'alpha', 'flags', 'unset', 'mcp-writes').status).toBe(0);
      const reopened = await eventually(
        () => alphaAgent.call('add_comment', { slug: 'hello', comment: { body: 'via mcp' } }),
        (answer) => answer.body.code !== 'MCP_WRITES_CLOSED',
      );
      // The door is open again; the article's own setting still holds there, with its code.
      expect(reopened).toMatchObject({ ok: false, body: { status: 403, code: 'COMMENTS_DISABLED' } });
    } finally {
      await alphaAgent.close();
      await betaAgent.close();
    }
  });

  it("lets a publication's admins set its flags over /api/admin/flags, and nobody else", async () => {
    const admin = (await signUp(ALPHA, 'ada')).body.user.token as string;
    expect(conduit('--tenant', 'alpha', 'users', 'promote', 'ada').status).toBe(0);
    const reader = (await signUp(ALPHA, 'reader')).body.user.token as string;
    const body = { flag: { value: 'off', reason: 'maintenance' } };
    expect((await send(ALPHA, 'PUT', '/api/admin/flags/imports', body, reader)).body.code).toBe('FLAG_CHANGE_FORBIDDEN');
    expect((await send(BETA, 'PUT', '/api/admin/flags/imports', body, admin)).status).toBe(401);
    const set = await send(ALPHA, 'PUT', '/api/admin/flags/imports', body, admin);
    expect(set).toMatchObject({
      status: 200,
      body: { flag: { name: 'imports', value: 'off', default: 'on', set: { reason: 'maintenance' } } },
    });
    expect(set.body.flag.set.setBy).toMatch(/^user:\d+$/);
    const imported = await eventually(
      () => send(ALPHA, 'POST', '/api/articles/imports', { articles: [{ article: { title: 'I', description: 'd', body: 'b' } }] }, reader),
      (answer) => answer.status === 403,
    );
    expect(imported.body.code).toBe('IMPORTS_CLOSED');
    const listed = await send(ALPHA, 'GET', '/api/admin/flags', undefined, admin);
    expect(listed.body.flags.map((flag: { name: string; value: string }) => `${flag.name} ${flag.value}`)).toContain('imports off');
    const history = await send(ALPHA, 'GET', '/api/admin/flags/history?limit=1', undefined, admin);
    expect(history.body.changes).toEqual([expect.objectContaining({ flag: 'imports', value: 'off', reason: 'maintenance' })]);
    expect((await send(ALPHA, 'DELETE', '/api/admin/flags/imports?reason=done', undefined, admin)).body.flag.value).toBe('on');
    expect((await send(ALPHA, 'PUT', '/api/admin/flags/imports', { flag: { value: 'half' } }, admin)).status).toBe(422);
  });

  it('rolls a flag out to the same users on two server processes, by a stable hash of their id', async () => {
    const second = await spawnServer({ DATABASE_URL: database.url, JWT_SECRET, RATE_LIMITS_ENABLED: 'false' });
    try {
      const tokens = await Promise.all(
        Array.from({ length: 40 }, async (_, index) => (await signUp(BETA, `rollout${index}`)).body.user.token as string),
      );
      expect(conduit('--tenant', 'beta', 'flags', 'set', 'mcp', '50%').status).toBe(0);
      const doorOf = async (baseUrl: string, token: string) => {
        const response = await fetch(`${baseUrl.replace('localhost', BETA)}/mcp`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Token ${token}` },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        await response.text();
        return response.status;
      };
      const doors = (baseUrl: string) => Promise.all(tokens.map((token) => doorOf(baseUrl, token)));
      // Once both servers have heard the announcement (a batch asked while it arrives is half old,
      // half new), each answers every user as the other does.
      await eventually(
        () => doors(server.baseUrl),
        (statuses) => statuses.includes(403),
      );
      await eventually(
        () => doors(second.baseUrl),
        (statuses) => statuses.includes(403),
      );
      const first = await doors(server.baseUrl);
      expect(await doors(second.baseUrl)).toEqual(first);
      // Half of 40, give or take what 40 draws allow; anonymous callers are outside a partial rollout.
      expect(first.filter((status) => status === 200).length).toBeGreaterThan(8);
      expect(first.filter((status) => status === 403).length).toBeGreaterThan(8);
    } finally {
      await second.stop('SIGKILL');
    }
  });
});
