import { ResultAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

describe('health', () => {
  it('/livez is 200 without touching dependencies, even when the database is down', async () => {
    const http = createHttpTestHarness();
    http.healthState.databaseUp = false;
    const live = await http.call('GET', '/livez');
    expect(live.status).toBe(200);
    expect(live.headers.get('Content-Type')).toBe('application/health+json');
    expect(live.body).toEqual({ status: 'pass' });
  });

  it('/readyz follows the database, recovers with it, and fails while draining', async () => {
    const http = createHttpTestHarness();
    const ready = await http.call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('Content-Type')).toBe('application/health+json');
    expect(ready.body.status).toBe('pass');
    http.healthState.databaseUp = false;
    expect((await http.call('GET', '/readyz')).status).toBe(503);
    http.healthState.databaseUp = true;
    expect((await http.call('GET', '/readyz')).status).toBe(200);
    http.healthState.draining = true;
    const draining = await http.call('GET', '/readyz');
    expect(draining.status).toBe(503);
    expect(draining.body).toMatchObject({ status: 'fail', description: 'shutting down' });
  });
});

describe('time budgets and load', () => {
  it('answers a request that exceeds its deadline with a 503 problem at the deadline', async () => {
    const http = createHttpTestHarness({ requestTimeoutMs: 150 });
    // A dependency that never answers: any answer is the deadline's; it never comes before the deadline.
    http.memory.queries.tags.all = () => new Promise(() => undefined);
    const started = performance.now();
    const result = await http.call('GET', '/api/tags');
    const elapsed = performance.now() - started;
    expectProblem(result, 503, 'DEADLINE_EXCEEDED');
    expect(result.headers.get('Retry-After')).toBe('1');
    expect(elapsed).toBeGreaterThanOrEqual(145);
  });

  it('never answers a write before it is decided: past the deadline before its commit, 503 and nothing applied', async () => {
    const http = createHttpTestHarness({ requestTimeoutMs: 100 });
    const token = await http.register('jake');
    const add = http.memory.repositories.articles.add.bind(http.memory.repositories.articles);
    let written: PromiseLike<unknown> = Promise.resolve();
    http.memory.repositories.articles.add = (article) => {
      const slow = ResultAsync.fromSafePromise(new Promise((resolve) => setTimeout(resolve, 300))).andThen(() => add(article));
      written = slow.then(() => new Promise((resolve) => setImmediate(resolve)));
      return slow;
    };
    const late = await http.call('POST', '/api/articles', { token, body: { article: { title: 'Late', description: 'd', body: 'b' } } });
    expectProblem(late, 503, 'DEADLINE_EXCEEDED');
    // Once the write behind the answer has run its course, it has been rolled back.
    await written;
    expect((await http.call('GET', '/api/articles')).body.articlesCount).toBe(0);
  });

  it('answers a committed write with its success, however late the rest of the request runs', async () => {
    const http = createHttpTestHarness({ requestTimeoutMs: 100 });
    const token = await http.register('jake');
    // The write commits at once; reading it back for the answer takes past the deadline.
    const bySlug = http.memory.queries.articles.bySlug.bind(http.memory.queries.articles);
    http.memory.queries.articles.bySlug = async (slug, viewer) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return bySlug(slug, viewer);
    };
    const created = await http.call('POST', '/api/articles', {
      token,
      body: { article: { title: 'Slow read', description: 'd', body: 'b' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.article.title).toBe('Slow read');
  });

  it('sheds load beyond the in-flight limit with 503 + Retry-After, at once', async () => {
    const http = createHttpTestHarness({ maxInFlight: 2 });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let atTheGate = 0;
    http.memory.queries.tags.all = async () => {
      atTheGate++;
      await gate;
      return [];
    };
    const slow = [http.call('GET', '/api/tags'), http.call('GET', '/api/tags')];
    while (atTheGate < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    // Answered while the two in flight are still held at the gate: shedding waits for nothing.
    const shed = await http.call('GET', '/api/tags');
    expectProblem(shed, 503, 'OVERLOADED');
    expect(shed.headers.get('Retry-After')).toBe('1');
    expect((await http.call('GET', '/livez')).status).toBe(200);
    release();
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
    expect((await http.call('GET', '/api/tags')).status).toBe(200);
  });

  it('answers an unavailable dependency with 503 + Retry-After, not 500', async () => {
    const http = createHttpTestHarness();
    http.memory.queries.tags.all = async () => {
      throw new Error('database unavailable');
    };
    http.logger.lines.length = 0;
    const result = await http.call('GET', '/api/tags');
    expectProblem(result, 503, 'SERVICE_UNAVAILABLE');
    expect(result.headers.get('Retry-After')).toBe('1');
    // An expected refusal: the access line and one warning, no stack, nothing at error level.
    const lines = http.logger.lines.filter((line) => line.msg !== 'request completed');
    expect(lines.map((line) => [line.level, line.msg])).toEqual([['warn', 'dependency unavailable']]);
    expect(JSON.stringify(lines)).not.toContain('    at ');
  });
});

describe('security headers', () => {
  it('are on every response; authenticated answers are never stored, anonymous ones revalidated', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const anonymous = await http.call('GET', '/api/tags');
    expect(anonymous.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(anonymous.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(anonymous.headers.get('Strict-Transport-Security')).toContain('max-age=');
    expect(anonymous.headers.get('Cache-Control')).toBe('no-cache');
    expect(anonymous.headers.get('Vary')).toContain('Authorization');
    const signedIn = await http.call('GET', '/api/user', { token });
    expect(signedIn.headers.get('Cache-Control')).toBe('no-store');
    const problem = await http.call('GET', '/api/user', { headers: { Authorization: 'Token bad' } });
    expect(problem.headers.get('Cache-Control')).toBe('no-store');
  });

  it('reads carry an ETag; the current one gets 304 with no body, a stale one the new answer', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const { slug } = await http.createArticle(token);
    for (const path of ['/api/articles', `/api/articles/${slug}`, `/api/articles/${slug}/comments`, '/api/tags', '/api/profiles/jake']) {
      const first = await http.raw('GET', path);
      const tag = first.headers.get('ETag');
      expect(tag, path).toMatch(/^"[\w-]+"$/);
      for (const ifNoneMatch of [tag as string, `W/${tag}`, `"other", ${tag}`, '*']) {
        const again = await http.raw('GET', path, { headers: { 'If-None-Match': ifNoneMatch } });
        expect(again.status, `${path} ${ifNoneMatch}`).toBe(304);
        expect(await again.text()).toBe('');
        expect(again.headers.get('ETag')).toBe(tag);
      }
    }
    const before = (await http.raw('GET', `/api/articles/${slug}`)).headers.get('ETag') as string;
    await http.call('POST', `/api/articles/${slug}/favorite`, { token });
    const after = await http.raw('GET', `/api/articles/${slug}`, { headers: { 'If-None-Match': before } });
    expect(after.status).toBe(200);
    expect((await after.json()).article.favoritesCount).toBe(1);
    expect(after.headers.get('ETag')).not.toBe(before);
  });
});
