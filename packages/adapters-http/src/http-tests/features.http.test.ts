import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

describe('feature flags', () => {
  it('registration: on by default; closed sign-up answers 403 REGISTRATION_CLOSED, sign-in still works', async () => {
    const http = createHttpTestHarness();
    await http.register('jake', 'password123');
    http.features.registration = false;
    const closed = await http.call('POST', '/api/users', {
      body: { user: { username: 'ann', email: 'ann@example.com', password: 'password123' } },
    });
    expectProblem(closed, 403, 'REGISTRATION_CLOSED');
    const login = await http.call('POST', '/api/users/login', { body: { user: { email: 'jake@example.com', password: 'password123' } } });
    expect(login.status).toBe(200);
    http.features.registration = true;
    expect(
      (await http.call('POST', '/api/users', { body: { user: { username: 'ann', email: 'ann@example.com', password: 'password123' } } }))
        .status,
    ).toBe(201);
  });

  it('comments: on by default; switched off, posting answers 403 COMMENTS_DISABLED while reading still works', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const { slug } = await http.createArticle(token);
    expect((await http.call('POST', `/api/articles/${slug}/comments`, { token, body: { comment: { body: 'on' } } })).status).toBe(200);
    http.features.comments = false;
    expectProblem(
      await http.call('POST', `/api/articles/${slug}/comments`, { token, body: { comment: { body: 'off' } } }),
      403,
      'COMMENTS_DISABLED',
    );
    const listed = await http.call('GET', `/api/articles/${slug}/comments`);
    expect(listed.body.comments.map((c: { body: string }) => c.body)).toEqual(['on']);
  });

  it('imports and account export: closed, each answers its 403 before anything is staged or queued', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    http.features.imports = false;
    const body = { articles: [{ article: { title: 'One', description: 'd', body: 'b' } }] };
    expectProblem(await http.call('POST', '/api/articles/imports', { token, body }), 403, 'IMPORTS_CLOSED');
    http.features['account-export'] = false;
    expectProblem(await http.call('POST', '/api/user/export', { token }), 403, 'ACCOUNT_EXPORT_CLOSED');
    http.features.imports = true;
    expect((await http.call('POST', '/api/articles/imports', { token, body })).status).toBe(202);
  });

  it('the MCP door: closed as a whole it answers 403 MCP_CLOSED; with its writes closed, reads still answer', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const { slug } = await http.createArticle(token);
    http.features['mcp-writes'] = false;
    const agent = await http.mcp(token);
    expect((await agent.call('get_article', { slug })).ok).toBe(true);
    expect(await agent.call('favorite_article', { slug })).toMatchObject({ ok: false, body: { status: 403, code: 'MCP_WRITES_CLOSED' } });
    expect((await http.call('POST', `/api/articles/${slug}/favorite`, { token })).status).toBe(200);
    http.features.mcp = false;
    const closed = await http.raw('POST', '/mcp', {
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Token ${token}` },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(closed.status).toBe(403);
    expect(await closed.json()).toMatchObject({ code: 'MCP_CLOSED' });
  });
});
