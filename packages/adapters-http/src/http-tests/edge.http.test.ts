import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../create-http-app.js';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

describe('the HTTP edge', () => {
  it('answers unknown routes with a 404 problem and wrong methods with 405 + Allow', async () => {
    const http = createHttpTestHarness();
    expectProblem(await http.call('GET', '/api/nope'), 404, 'ROUTE_NOT_FOUND');
    const wrongMethod = await http.call('PATCH', '/api/articles/some-slug');
    expectProblem(wrongMethod, 405, 'METHOD_NOT_ALLOWED');
    expect(wrongMethod.headers.get('Allow')).toBe('GET, PUT, DELETE, HEAD, OPTIONS');
  });

  it('answers OPTIONS without a CORS preflight with 204 and Allow, on every route', async () => {
    const http = createHttpTestHarness();
    for (const [path, allow] of [
      ['/api/users', 'POST, OPTIONS'],
      ['/api/articles', 'GET, POST, HEAD, OPTIONS'],
      ['/api/articles/some-slug/favorite', 'POST, DELETE, OPTIONS'],
    ] as const) {
      const response = await http.raw('OPTIONS', path);
      expect(response.status, path).toBe(204);
      expect(response.headers.get('Allow'), path).toBe(allow);
      expect(await response.text()).toBe('');
    }
    expectProblem(await http.call('OPTIONS', '/api/nope'), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers an empty path segment with 404, never a 405 whose Allow names the method refused', async () => {
    const http = createHttpTestHarness();
    for (const path of ['/api/articles/', '/api/jobs/', '/api/profiles/', '/api/articles//comments', '/api/user/']) {
      const response = await http.call('GET', path);
      expectProblem(response, 404, 'ROUTE_NOT_FOUND');
      expect(response.headers.get('Allow'), path).toBeNull();
    }
  });

  it('answers malformed JSON with 400 and a non-JSON body with 415', async () => {
    const http = createHttpTestHarness();
    expectProblem(await http.call('POST', '/api/users', { body: '{"user": ' }), 400, 'MALFORMED_JSON');
    expectProblem(
      await http.call('POST', '/api/users', { body: 'user=jake', headers: { 'Content-Type': 'text/plain' } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('refuses oversized bodies with 413, with or without Content-Length', async () => {
    const http = createHttpTestHarness({ bodyLimitBytes: 2048 });
    const big = JSON.stringify({ user: { username: 'x'.repeat(4096), email: 'a@b.co', password: 'password1' } });
    expectProblem(await http.call('POST', '/api/users', { body: big }), 413, 'PAYLOAD_TOO_LARGE');
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const response = await http.raw('POST', '/api/users', {
      body: chunked,
      headers: { 'Content-Type': 'application/json' },
      // @ts-expect-error Node's fetch needs this for a streamed body
      duplex: 'half',
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
  });

  it('answers CORS preflights on every route, allowing Authorization and Content-Type', async () => {
    const http = createHttpTestHarness();
    for (const path of ['/api/articles', '/api/articles/x/favorite', '/api/user']) {
      const response = await http.raw('OPTIONS', path, {
        headers: {
          Origin: 'https://frontend.example',
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
      const allowedHeaders = response.headers.get('Access-Control-Allow-Headers')?.toLowerCase() ?? '';
      expect(allowedHeaders).toContain('authorization');
      expect(allowedHeaders).toContain('content-type');
      expect(response.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
      expect(response.headers.get('Access-Control-Allow-Methods')).toContain('DELETE');
    }
  });

  it('restricts CORS to configured origins', async () => {
    const http = createHttpTestHarness({ corsOrigins: ['https://app.example'] });
    const allowed = await http.raw('GET', '/api/tags', { headers: { Origin: 'https://app.example' } });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://app.example');
    const other = await http.raw('GET', '/api/tags', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const exposed = allowed.headers.get('Access-Control-Expose-Headers') ?? '';
    for (const header of ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy']) expect(exposed).toContain(header);
    const withoutOrigin = await http.raw('GET', '/api/tags');
    expect(withoutOrigin.headers.get('Vary')).toContain('Origin');
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const http = createHttpTestHarness();
    const kept = await http.call('GET', '/api/articles/missing', { headers: { 'X-Request-Id': 'abc.DEF_123-x' } });
    expect(kept.headers.get('X-Request-Id')).toBe('abc.DEF_123-x');
    expect(kept.body.requestId).toBe('abc.DEF_123-x');
    const replaced = await http.call('GET', '/api/tags', { headers: { 'X-Request-Id': 'bad id\u0001<script>' } });
    expect(replaced.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns a defect into a generic 500 problem; the log has the stack and request id', async () => {
    const http = createHttpTestHarness();
    http.memory.queries.tags.all = async () => {
      throw new Error('connection to 10.0.0.5 refused: SELECT secret FROM vault');
    };
    const result = await http.call('GET', '/api/tags');
    expectProblem(result, 500, 'INTERNAL_ERROR');
    expect(JSON.stringify(result.body)).not.toMatch(/vault|10\.0\.0\.5|SELECT/);
    const logged = http.logger.lines.find((line) => line.msg === 'unhandled error');
    expect(logged?.requestId).toBe(result.body.requestId);
    expect(logged?.err).toBeInstanceOf(Error);
    expect(String(logged?.err instanceof Error ? logged.err.stack : '')).toContain('vault');
  });

  it('writes one access line per request with the route template, status, latency and user', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const { slug } = await http.createArticle(token);
    http.logger.lines.length = 0;
    const result = await http.call('GET', `/api/articles/${slug}`, { token });
    const access = http.logger.lines.filter((line) => line.msg === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      method: 'GET',
      route: '/api/articles/:slug',
      status: 200,
      latencyMs: expect.any(Number),
      requestId: result.headers.get('X-Request-Id'),
      userId: expect.any(Number),
    });
  });

  it('labels every operation by its own template: the feed is not the article read it shadows', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    http.logger.lines.length = 0;
    for (const path of ['/api/articles/feed', '/api/articles/feed-the-birds', '/api/articles/feed/comments', '/api/articles/imports']) {
      await http.call('GET', path, { token });
    }
    const routes = http.logger.lines.filter((line) => line.msg === 'request completed').map((line) => line.route);
    expect(routes).toEqual(['/api/articles/feed', '/api/articles/:slug', '/api/articles/:slug/comments', '/api/articles/:slug']);
  });
});

describe('the OpenAPI document', () => {
  type Operation = { operationId: string; security?: object[]; 'x-auth-mode'?: string; responses: Record<string, unknown> };

  const operations = async () => {
    const http = createHttpTestHarness();
    const document = await (await http.raw('GET', OPENAPI_PATH)).json();
    return {
      document,
      list: Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      ),
    };
  };

  it('is OpenAPI 3.1 and lists every RealWorld operation, and the jobs, sessions, account and flag operations beyond it', async () => {
    const { document, list } = await operations();
    expect(document.openapi).toBe('3.1.0');
    const api = list.filter((entry) => entry.path.startsWith('/api/'));
    expect(api.map((entry) => entry.operation.operationId).sort()).toEqual(
      [
        'CreateArticle',
        'CreateArticleComment',
        'CreateArticleFavorite',
        'CreateUser',
        'DeleteArticle',
        'DeleteArticleComment',
        'DeleteArticleFavorite',
        'FollowUserByUsername',
        'GetArticle',
        'GetArticleComments',
        'GetArticles',
        'GetArticlesFeed',
        'GetCurrentUser',
        'GetProfileByUsername',
        'GetTags',
        'Login',
        'UnfollowUserByUsername',
        'UpdateArticle',
        'UpdateCurrentUser',
        'CreateArticleImport',
        'GetJobs',
        'GetJob',
        'CancelJob',
        'DeleteCurrentUser',
        'GetSessions',
        'DeleteSession',
        'Logout',
        'LockAccount',
        'UnlockAccount',
        'DeleteUserSessions',
        'CreateAccountExport',
        'GetJobResult',
        'ListFlags',
        'ListFlagChanges',
        'SetFlag',
        'UnsetFlag',
      ].sort(),
    );
    expect(document.components.securitySchemes.Token).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
  });

  it('declares an auth mode for every operation, and security that follows from it', async () => {
    const { list } = await operations();
    const expected: Record<string, object[]> = { none: [], optional: [{}, { Token: [] }], required: [{ Token: [] }] };
    for (const { path, method, operation } of list) {
      const mode = operation['x-auth-mode'];
      expect(mode, `${method} ${path}`).toBeDefined();
      expect(operation.security, `${method} ${path}`).toEqual(expected[mode as string]);
      if (mode === 'required') expect(Object.keys(operation.responses), `${method} ${path}`).toContain('401');
      if (path.startsWith('/api/'))
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['500', '503']));
    }
  });
});
