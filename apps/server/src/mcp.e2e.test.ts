import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import { connectMcp, fuzzTools, type McpConnection, type ToolAnswer, validToolArguments } from '@conduit/adapters-http/testing';
import { createConduitClient } from '@conduit/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from './testing/free-port.js';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

let database: TestDatabase;
let server: RunningServer;
let env: Record<string, string>;
const connections: McpConnection[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  env = {
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PORT: String(await freePort()),
    // An agent retrying hundreds of calls at once would spend its budget: what is tested here is that each applies once.
    RATE_LIMITS_ENABLED: 'false',
  };
  server = await spawnServer(env);
});
afterAll(async () => {
  await Promise.allSettled(connections.map((connection) => connection.close()));
  await server?.stop('SIGKILL');
  await database?.drop();
});

const mcp = async (token?: string, scheme: 'Token' | 'Bearer' = 'Token') => {
  const connection = await connectMcp(`${server.baseUrl}/mcp`, token ? { headers: { Authorization: `${scheme} ${token}` } } : {});
  connections.push(connection);
  return connection;
};

const signUp = async (username: string): Promise<string> => {
  const answer = await createConduitClient({ baseUrl: server.baseUrl }).POST('/api/users', {
    body: { user: { username, email: `${username}@example.com`, password: 'password123' } },
  });
  return answer.data?.user.token ?? '';
};

const rpc = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/mcp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
    body,
  });

describe('MCP against the built server', () => {
  it('serves an agent the whole journey: tools and resources, writes seen over HTTP, an import followed to its end', async () => {
    const token = await signUp('agent');
    const agent = await mcp(token, 'Bearer');
    expect((await agent.client.listTools()).tools).toHaveLength(18);
    const created = await agent.call('create_article', {
      article: { title: 'Written by an agent', description: 'd', body: 'b', tagList: ['mcp'] },
    });
    expect(created.ok).toBe(true);
    const slug = (created.body.article as { slug: string }).slug;
    const overHttp = await createConduitClient({ baseUrl: server.baseUrl, token }).GET('/api/articles/{slug}', {
      params: { path: { slug } },
    });
    expect(created.body).toEqual(overHttp.data);
    expect((await agent.call('add_comment', { slug, comment: { body: 'noted' } })).ok).toBe(true);
    expect((await agent.call('favorite_article', { slug })).body).toMatchObject({ article: { favorited: true, favoritesCount: 1 } });

    const reader = await mcp();
    expect((await reader.client.listResources()).resources.map((resource) => resource.uri)).toEqual(['conduit://tags']);
    expect((await reader.client.listResourceTemplates()).resourceTemplates).toHaveLength(2);
    expect((await reader.call('get_article', { slug })).body).toMatchObject({ article: { slug }, comments: [{ body: 'noted' }] });
    const [resource] = (await reader.client.readResource({ uri: `conduit://articles/${slug}` })).contents;
    expect(JSON.parse(resource && 'text' in resource ? resource.text : '{}')).toMatchObject({ article: { favorited: false } });

    const started = await agent.call('start_article_import', {
      articles: [{ title: 'Imported one', description: 'd', body: 'b' }, { title: '  ' }],
      idempotencyKey: 'agent-import-1',
    });
    const jobId = (started.body.job as { id: string }).id;
    let job: Record<string, unknown> = {};
    for (let poll = 0; poll < 600; poll++) {
      job = (await agent.call('get_job', { jobId })).body.job as Record<string, unknown>;
      if (job.status === 'succeeded' || job.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job).toMatchObject({ status: 'succeeded', processed: 2 });
    const again = await agent.call('start_article_import', {
      articles: [{ title: 'Imported one', description: 'd', body: 'b' }, { title: '  ' }],
      idempotencyKey: 'agent-import-1',
    });
    expect((again.body.job as { id: string }).id).toBe(jobId);
  });

  it('extends the authorization matrix to MCP: every tool as anonymous, owner and another user', async () => {
    const owner = await signUp('matrix-owner');
    const other = await signUp('matrix-other');
    await signUp('matrix-target');
    const asOwner = await mcp(owner);
    const ownerArticle = async (title: string) =>
      ((await asOwner.call('create_article', { article: { title, description: 'd', body: 'b' } })).body.article as { slug: string }).slug;
    const callers = { anonymous: await mcp(), owner: asOwner, 'another user': await mcp(other) };
    const ownedByOwner = new Set(['update_article', 'delete_article', 'delete_comment']);
    const outcomes: string[] = [];
    for (const { name } of (await asOwner.client.listTools()).tools) {
      for (const [caller, connection] of Object.entries(callers)) {
        const slug = await ownerArticle(`${name} ${caller}`);
        const comment = (await asOwner.call('add_comment', { slug, comment: { body: 'c' } })).body.comment as { id: number };
        const job = (await asOwner.call('start_article_import', { articles: [{ title: 'j', description: 'd', body: 'b' }] })).body.job as {
          id: string;
        };
        const args = validToolArguments({ slug, id: comment.id, username: 'matrix-target', jobId: job.id })[name];
        const answer = await connection.call(name, args);
        const readTool = ['list_articles', 'get_article', 'get_profile', 'list_tags'].includes(name);
        const expected =
          caller === 'anonymous' && !readTool
            ? 401
            : caller === 'another user' && ownedByOwner.has(name)
              ? 403
              : caller === 'another user' && name === 'get_job'
                ? 404
                : 'ok';
        outcomes.push(`${name} as ${caller}: ${answer.ok ? 'ok' : answer.body.status}`);
        expect(answer.ok ? 'ok' : answer.body.status, `${name} as ${caller}: ${JSON.stringify(answer.body).slice(0, 200)}`).toBe(expected);
      }
    }
    console.info(`[mcp matrix] ${outcomes.length} calls over real HTTP`);
  });

  it('answers generated bad input and protocol misuse with tool problems and JSON-RPC errors, never a 5xx', async () => {
    const token = await signUp('fuzzer');
    const agent = await mcp(token);
    await agent.call('create_article', { article: { title: 'Target', description: 'd', body: 'b' } });
    const { counts, failures } = await fuzzTools(agent, 15);
    expect(failures).toEqual([]);

    // Protocol misuse, sent raw: each a JSON-RPC error or a problem below 500, none a lost connection.
    const misuse: [string, string, Record<string, string>?][] = [
      ['malformed JSON', '{"jsonrpc": "2.0", "id": 1, "method": '],
      ['an unknown method', '{"jsonrpc":"2.0","id":1,"method":"tools/destroy"}'],
      [
        'prototype keys',
        '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_articles","arguments":{"__proto__":{"x":1},"constructor":{"prototype":{}}}}}',
      ],
      [
        'a NUL in an argument',
        '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_profile","arguments":{"username":"a\\u0000b"}}}',
      ],
      ['an unknown tool', '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"constructor","arguments":{}}}'],
      ['not JSON-RPC', '[1,2,3]'],
      ['a huge body', JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { pad: 'x'.repeat(2 << 20) } })],
      ['the wrong media type', '{}', { 'Content-Type': 'text/plain' }],
    ];
    for (const [what, body, headers] of misuse) {
      const response = await rpc(body, { Authorization: `Token ${token}`, ...headers });
      expect(response.status, what).toBeLessThan(500);
      const text = await response.text();
      expect(text.includes('"jsonrpc"') || text.includes('"code"'), `${what}: ${text.slice(0, 200)}`).toBe(true);
    }
    console.info(`[mcp fuzz over HTTP] ${JSON.stringify(counts)}, and ${misuse.length} kinds of protocol misuse`);
    expect((await agent.client.listTools()).tools).toHaveLength(18);
    expect(server.logs.filter((line) => line.includes('"level":50') || line.includes('unhandled error'))).toEqual([]);
  });

  it('applies each of 240 writes once when an agent retries every call while the first is still running, under load', async () => {
    const author = await mcp(await signUp('retrier'));
    const reader = await mcp(await signUp('retried'));
    // The agent's way: a call that seems to hang is sent again with the same key while the first
    // runs on; a retry told the first is still in progress waits a moment and asks again.
    // Shed at the door (503: more in flight than MAX_IN_FLIGHT) and every 503 of a tool are retried
    // too, with the same key, as an agent would.
    const RETRIED = [
      'IDEMPOTENT_REQUEST_IN_PROGRESS',
      'SHED',
      'SERVICE_UNAVAILABLE',
      'DEADLINE_EXCEEDED',
      'WRITE_OUTCOME_UNKNOWN',
      'OVERLOADED',
    ];
    const attempt = (agent: McpConnection, name: string, args: Record<string, unknown>): Promise<ToolAnswer> =>
      agent.call(name, args).catch((error: unknown) => ({ ok: false, body: { code: 'SHED', detail: String(error) } }));
    const retried = async (agent: McpConnection, name: string, args: Record<string, unknown>) => {
      const first = attempt(agent, name, args);
      let answer = await attempt(agent, name, args);
      for (let n = 0; n < 400 && RETRIED.includes(String(answer.body.code)); n++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        answer = await attempt(agent, name, args);
      }
      const original = await first;
      expect(original.ok || original.body.code !== 'IDEMPOTENCY_KEY_REUSED', JSON.stringify(original.body)).toBe(true);
      // Applied, with the answer not kept (the first call ran past twice the budget on a busy
      // machine): the server says so, and an agent then reads what it wrote.
      const applied = answer.ok || answer.body.code === 'IDEMPOTENT_ANSWER_LOST';
      expect(applied, `${name}: ${JSON.stringify(answer.body)}`).toBe(true);
      return answer;
    };
    const articles = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        retried(author, 'create_article', { article: { title: `Retried ${n}`, description: 'd', body: 'b' }, idempotencyKey: `a-${n}` }),
      ),
    );
    // Every title is new, so its slug is its own (read from the answer where one came back).
    const slugs = articles.map((answer, n) => (answer.body.article as { slug?: string } | undefined)?.slug ?? `retried-${n}`);
    expect(new Set(slugs).size).toBe(60);
    await Promise.all(
      slugs.flatMap((slug, n) => [
        retried(author, 'add_comment', { slug, comment: { body: `note ${n}` }, idempotencyKey: `c-${n}` }),
        retried(reader, 'favorite_article', { slug, idempotencyKey: `f-${n}` }),
        retried(reader, 'add_comment', { slug, comment: { body: `reply ${n}` }, idempotencyKey: `r-${n}` }),
      ]),
    );
    const client = createConduitClient({ baseUrl: server.baseUrl });
    const page = await client.GET('/api/articles', { params: { query: { author: 'retrier', limit: 100 } } });
    expect(page.data?.articlesCount).toBe(60);
    expect(page.data?.articles.map((article) => article.favoritesCount)).toEqual(Array.from({ length: 60 }, () => 1));
    for (const slug of slugs) {
      const comments = await client.GET('/api/articles/{slug}/comments', { params: { path: { slug } } });
      expect(comments.data?.comments.map((comment) => comment.body).sort(), slug).toEqual([
        `note ${slugs.indexOf(slug)}`,
        `reply ${slugs.indexOf(slug)}`,
      ]);
    }
  });

  it('keeps an agent connected across a server restart (stateless: there is no session to lose)', async () => {
    const token = await signUp('restarted');
    const agent = await mcp(token);
    expect((await agent.call('get_current_user')).body).toMatchObject({ user: { username: 'restarted' } });
    await server.stop('SIGTERM');
    server = await spawnServer(env);
    expect((await agent.call('get_current_user')).body).toMatchObject({ user: { username: 'restarted' } });
    expect((await agent.call('list_articles', { limit: 1 })).ok).toBe(true);
  });

  it('logs each MCP request as one access line with its request id and the refusal code', async () => {
    const anonymous = await mcp();
    await anonymous.call('follow_user', { username: 'nobody' });
    // Log lines reach the pipe a moment after the answer: waited for, with a ceiling that only catches a hang.
    const isRefusal = (line: string) => line.includes('"route":"/mcp tools/call follow_user"') && line.includes('"code":"UNAUTHENTICATED"');
    await vi.waitFor(() => expect(server.logs.some(isRefusal)).toBe(true), { timeout: 30_000, interval: 50 });
    const refused = server.logs.filter(isRefusal);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatch(/"requestId":"[^"]+"/);
  });
});
