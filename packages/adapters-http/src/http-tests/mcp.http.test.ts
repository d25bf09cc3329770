import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { MCP_TOOLS } from '../mcp/mcp-tools.js';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

const READ_TOOLS = ['get_article', 'get_profile', 'list_articles', 'list_tags'];

describe('MCP at /mcp', () => {
  it('lists the read tools to an anonymous session and every tool to a signed-in one, each described for an agent', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const anonymous = await http.mcp();
    const signedIn = await http.mcp(token);
    expect(anonymous.client.getServerVersion()?.name).toBe('conduit');
    expect(anonymous.client.getInstructions()).toContain('Authorization: Token');
    expect((await anonymous.client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(READ_TOOLS);
    const { tools } = await signedIn.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(MCP_TOOLS.map((tool) => tool.name));
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length, tool.name).toBeGreaterThan(30);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      expect(typeof tool.annotations?.readOnlyHint, tool.name).toBe('boolean');
      if (tool.annotations?.readOnlyHint === false) expect(typeof tool.annotations.destructiveHint, tool.name).toBe('boolean');
    }
  });

  it('writes, reads and refuses as HTTP does: the same JSON, the same codes and field errors', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const jane = await http.register('jane');
    const agent = await http.mcp(jake);
    const created = await agent.call('create_article', { article: { title: 'Agents', description: 'd', body: 'b', tagList: ['ai'] } });
    expect(created.ok).toBe(true);
    const slug = (created.body.article as { slug: string }).slug;
    const overHttp = await http.call('GET', `/api/articles/${slug}`, { token: jake });
    expect(created.body).toEqual(overHttp.body);

    await agent.call('add_comment', { slug, comment: { body: 'first' } });
    const read = await (await http.mcp()).call('get_article', { slug });
    expect(read.body).toMatchObject({ article: { slug }, comments: [{ body: 'first', author: { username: 'jake' } }] });

    const forbidden = await (await http.mcp(jane)).call('delete_article', { slug });
    expect(forbidden).toMatchObject({ ok: false, body: { status: 403, code: 'ARTICLE_DELETE_FORBIDDEN', instance: '/mcp' } });
    expect(forbidden.body.requestId).toEqual(expect.any(String));

    const invalid = { article: { title: ' ', description: 'x'.repeat(1001), body: 'b', tagList: 'a,b' } };
    const overMcp = await agent.call('create_article', invalid);
    const overRest = await http.call('POST', '/api/articles', { token: jake, body: invalid });
    expect(overMcp).toMatchObject({ ok: false, body: { status: 422, code: overRest.body.code, errors: overRest.body.errors } });
  });

  it('takes an idempotencyKey on every write tool: a repeated call is answered as the first, applied once; other arguments are refused', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const agent = await http.mcp(jake);
    const { tools } = await agent.client.listTools();
    const keyed = tools.filter((tool) => tool.annotations?.readOnlyHint === false).map((tool) => tool.name);
    expect(keyed.length).toBeGreaterThan(8);
    for (const tool of tools.filter((each) => keyed.includes(each.name))) {
      expect(Object.keys(tool.inputSchema.properties ?? {}), tool.name).toContain('idempotencyKey');
      expect(tool.description, tool.name).toContain('idempotencyKey');
    }
    for (const tool of tools.filter((each) => !keyed.includes(each.name))) {
      expect(Object.keys(tool.inputSchema.properties ?? {}), tool.name).not.toContain('idempotencyKey');
    }

    const draft = { article: { title: 'Once', description: 'd', body: 'b' }, idempotencyKey: 'k-1' };
    const first = await agent.call('create_article', draft);
    const raw = await agent.client.callTool({ name: 'create_article', arguments: { idempotencyKey: 'k-1', article: draft.article } });
    expect(first.ok).toBe(true);
    expect(raw.structuredContent).toEqual(first.body);
    expect(raw._meta).toEqual({ 'conduit/idempotent-replayed': true });
    expect((await http.call('GET', '/api/articles?author=jake')).body.articlesCount).toBe(1);

    const reused = await agent.call('create_article', { ...draft, article: { ...draft.article, title: 'Twice' } });
    expect(reused).toMatchObject({ ok: false, body: { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' } });
    // Keys are per user: another's same key is a call of its own.
    const jane = await http.mcp(await http.register('jane'));
    expect((await jane.call('create_article', draft)).ok).toBe(true);
    // A refusal that applied nothing keeps nothing: the same key then runs afresh.
    const blank = await agent.call('add_comment', { slug: 'once', comment: { body: ' ' }, idempotencyKey: 'k-2' });
    expect(blank).toMatchObject({ ok: false, body: { status: 422 } });
    expect((await agent.call('add_comment', { slug: 'once', comment: { body: 'now' }, idempotencyKey: 'k-2' })).ok).toBe(true);
    const invalidKey = await agent.call('favorite_article', { slug: 'once', idempotencyKey: 'x'.repeat(300) });
    expect(invalidKey).toMatchObject({ ok: false, body: { status: 422, errors: { idempotencyKey: [expect.any(String)] } } });
  });

  it('pages list_articles and get_feed by the cursor in `next`, the page HTTP gives for the same cursor', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    for (const title of ['One', 'Two', 'Three']) await http.createArticle(jake, { title });
    const agent = await http.mcp(jake);
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await agent.call('list_articles', cursor === null ? { limit: 2 } : { limit: 2, cursor });
      expect(page.ok).toBe(true);
      titles.push(...(page.body.articles as { title: string }[]).map((a) => a.title));
      cursor = page.body.next as string | null;
      if (cursor !== null) {
        const overHttp = await http.call('GET', `/api/articles?limit=2&cursor=${cursor}`, { token: jake });
        expect(overHttp.body.next).toBeNull();
      }
    } while (cursor !== null);
    expect(titles).toEqual(['Three', 'Two', 'One']);
    const refused = await agent.call('get_feed', { cursor: 'not-one' });
    expect(refused).toMatchObject({ ok: false, body: { status: 422, errors: { cursor: [expect.any(String)] } } });
  });

  it('refuses a write tool to an anonymous session with the 401 problem, and an invalid token at the door', async () => {
    const http = createHttpTestHarness();
    const anonymous = await http.mcp();
    const refused = await anonymous.call('follow_user', { username: 'jake' });
    expect(refused).toMatchObject({ ok: false, body: { status: 401, code: 'UNAUTHENTICATED' } });
    const door = await http.raw('POST', '/mcp', {
      headers: { Authorization: 'Token not.a.jwt', 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(door.status).toBe(401);
    expect(door.headers.get('WWW-Authenticate')).toContain('invalid_token');
    expect(await door.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("carries every answer's headers, and its request id is the problem's", async () => {
    const http = createHttpTestHarness();
    const response = await http.raw('POST', '/mcp', {
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'get_profile', arguments: { username: 'nobody' } },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const requestId = response.headers.get('X-Request-Id');
    const { result } = await response.json();
    expect(result.isError).toBe(true);
    expect(JSON.parse(result.content[0].text)).toMatchObject({ code: 'PROFILE_NOT_FOUND', status: 404, requestId });
  });

  it('answers an unknown tool with a JSON-RPC error, and GET with 405', async () => {
    const http = createHttpTestHarness();
    const agent = await http.mcp();
    await expect(agent.client.callTool({ name: '__proto__', arguments: {} })).rejects.toSatisfy(
      (error) => error instanceof McpError && error.code === -32602,
    );
    const get = await http.raw('GET', '/mcp', { headers: { Accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    expect(get.headers.get('Allow')).toContain('POST');
  });

  it('serves articles, profiles and tags as resources', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const { slug } = await http.createArticle(jake, { tagList: ['dragons'] });
    const agent = await http.mcp();
    expect((await agent.client.listResources()).resources.map((resource) => resource.uri)).toEqual(['conduit://tags']);
    expect((await agent.client.listResourceTemplates()).resourceTemplates.map((template) => template.uriTemplate)).toEqual([
      'conduit://articles/{slug}',
      'conduit://profiles/{username}',
    ]);
    const text = async (uri: string) => {
      const [content] = (await agent.client.readResource({ uri })).contents;
      return JSON.parse(content && 'text' in content ? content.text : 'null');
    };
    expect(await text(`conduit://articles/${slug}`)).toMatchObject({ article: { slug, body: 'Believe' } });
    expect(await text('conduit://profiles/jake')).toMatchObject({ profile: { username: 'jake' } });
    expect(await text('conduit://tags')).toEqual({ tags: ['dragons'] });
    for (const uri of ['conduit://articles/nope', 'conduit://profiles/%00', 'conduit://nothing', 'https://example.com/']) {
      await expect(agent.client.readResource({ uri }), uri).rejects.toSatisfy(
        (error) => error instanceof McpError && error.code === -32002,
      );
    }
  });

  it('logs and measures each request by what it did: the tool, the user, the refusal', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    await (await http.mcp(token)).call('follow_user', { username: 'nobody' });
    const line = http.logger.lines.find((entry) => entry.msg === 'request completed' && entry.route === '/mcp tools/call follow_user');
    expect(line).toMatchObject({ method: 'POST', status: 200, code: 'PROFILE_NOT_FOUND', userId: expect.any(Number) });
    const metrics = await (await http.raw('GET', '/metrics')).text();
    expect(metrics).toContain('route="/mcp tools/call follow_user"');
  });

  it("spends the caller's request budget as /api does: past it, 429 with Retry-After at the door", async () => {
    const http = createHttpTestHarness({}, { budgets: { anonymous: { name: 'anonymous', points: 4, windowSeconds: 60 } } });
    const agent = await http.mcp(); // initialize, initialized, and the SDK's GET for a stream: three requests
    await agent.call('list_tags');
    const refused = await agent.call('list_tags').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StreamableHTTPError);
    expect(refused).toMatchObject({ code: 429 });
    expect(String(refused)).toContain('RATE_LIMITED');
  });

  it('is not served when MCP_ENABLED is off', async () => {
    const http = createHttpTestHarness({ mcpEnabled: false });
    const response = await http.raw('POST', '/mcp', { headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(404);
  });
});
