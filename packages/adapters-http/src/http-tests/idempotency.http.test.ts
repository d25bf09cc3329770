import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

const draft = { article: { title: 'Keyed', description: 'Once', body: 'Only once' } };

describe('Idempotency-Key on writes', () => {
  it('a retry with the key gets the first answer back and applies nothing again', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const headers = { 'Idempotency-Key': 'create-1' };
    const first = await http.call('POST', '/api/articles', { token, body: draft, headers });
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const again = await http.call('POST', '/api/articles', { token, body: draft, headers: { 'Idempotency-Key': '"create-1"' } });
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(http.memory.store.articles.size).toBe(1);
    // Without a key, the same request is a second article, as RealWorld clients expect.
    expect((await http.call('POST', '/api/articles', { token, body: draft })).status).toBe(201);
    expect(http.memory.store.articles.size).toBe(2);
  });

  it('the same key for another request is 422; keys are per user; an invalid key is 422', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const jane = await http.register('jane');
    const headers = { 'Idempotency-Key': 'k' };
    expect((await http.call('POST', '/api/articles', { token: jake, body: draft, headers })).status).toBe(201);
    const other = { article: { ...draft.article, title: 'Another' } };
    expectProblem(await http.call('POST', '/api/articles', { token: jake, body: other, headers }), 422, 'IDEMPOTENCY_KEY_REUSED');
    const janes = await http.call('POST', '/api/articles', { token: jane, body: draft, headers });
    expect(janes.status).toBe(201);
    expect(janes.headers.get('Idempotent-Replayed')).toBeNull();
    const tooLong = await http.call('POST', '/api/articles', { token: jake, body: draft, headers: { 'Idempotency-Key': 'x'.repeat(256) } });
    expectProblem(tooLong, 422, 'VALIDATION_FAILED');
    expect(http.memory.store.articles.size).toBe(2);
  });

  it('every keyed write replays: comment, favorite, follow, update, delete, sign-up', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    await http.register('jane');
    const { slug } = await http.createArticle(token);
    const writes: [string, string, unknown][] = [
      ['POST', `/api/articles/${slug}/comments`, { comment: { body: 'Thank you' } }],
      ['POST', `/api/articles/${slug}/favorite`, undefined],
      ['POST', '/api/profiles/jane/follow', undefined],
      ['PUT', '/api/user', { user: { bio: 'keyed' } }],
      ['PUT', `/api/articles/${slug}`, { article: { description: 'keyed' } }],
      ['DELETE', `/api/articles/${slug}/favorite`, undefined],
      ['DELETE', '/api/profiles/jane/follow', undefined],
    ];
    for (const [index, [method, path, body]] of writes.entries()) {
      const headers = { 'Idempotency-Key': `write-${index}` };
      const first = await http.call(method, path, { token, body, headers });
      const again = await http.call(method, path, { token, body, headers });
      expect([first.status, again.status, again.headers.get('Idempotent-Replayed')], `${method} ${path}`).toEqual([
        first.status,
        first.status,
        'true',
      ]);
      expect(again.body).toEqual(first.body);
    }
    expect(http.memory.store.comments.size).toBe(1);
    const deleted = await http.call('DELETE', `/api/articles/${slug}`, { token, headers: { 'Idempotency-Key': 'delete' } });
    const deletedAgain = await http.call('DELETE', `/api/articles/${slug}`, { token, headers: { 'Idempotency-Key': 'delete' } });
    expect([deleted.status, deletedAgain.status, deletedAgain.headers.get('Idempotent-Replayed')]).toEqual([
      deleted.status,
      deleted.status,
      'true',
    ]);
    const signUp = { user: { username: 'bob', email: 'bob@example.com', password: 'password123' } };
    const registered = await http.call('POST', '/api/users', { body: signUp, headers: { 'Idempotency-Key': 'sign-up' } });
    const registeredAgain = await http.call('POST', '/api/users', { body: signUp, headers: { 'Idempotency-Key': 'sign-up' } });
    expect([registered.status, registeredAgain.status]).toEqual([201, 201]);
    expect(registeredAgain.body).toEqual(registered.body);
  });

  it('a write that failed keeps nothing under its key: the retry runs afresh', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const headers = { 'Idempotency-Key': 'missing' };
    expectProblem(await http.call('POST', '/api/articles/nope/favorite', { token, headers }), 404, 'ARTICLE_NOT_FOUND');
    await http.createArticle(token, { title: 'nope' });
    expect((await http.call('POST', '/api/articles/nope/favorite', { token, headers })).status).toBe(200);
  });

  it('duplicates sent at once apply one write: each gets its answer, replayed, or 409 while it is in flight', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const headers = { 'Idempotency-Key': 'many-at-once' };
    const all = await Promise.all(Array.from({ length: 10 }, () => http.call('POST', '/api/articles', { token, body: draft, headers })));
    const created = all.filter((result) => result.status === 201);
    expect(created.filter((result) => result.headers.get('Idempotent-Replayed') === null)).toHaveLength(1);
    for (const result of created) expect(result.body).toEqual(created[0]?.body);
    for (const result of all.filter((each) => each.status !== 201)) expectProblem(result, 409, 'IDEMPOTENT_REQUEST_IN_PROGRESS');
    expect(http.memory.store.articles.size).toBe(1);
  });

  it('the document declares the key on every write but login, cancel, and the session, account and flag operations', async () => {
    const http = createHttpTestHarness();
    const document = (await (await http.raw('GET', '/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { operationId: string; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>
      >;
    };
    const writes = Object.values(document.paths).flatMap((item) =>
      Object.entries(item).flatMap(([method, operation]) => (['post', 'put', 'delete'].includes(method) ? [operation] : [])),
    );
    const keyed = writes.filter((operation) => operation.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key'));
    const names = (operations: typeof writes) => operations.map((operation) => operation.operationId).sort();
    // Each of these is idempotent in effect: a retry ends, locks, unlocks or sets nothing twice.
    expect(names(writes.filter((operation) => !keyed.includes(operation)))).toEqual([
      'CancelJob',
      'CreateAccountExport',
      'DeleteCurrentUser',
      'DeleteSession',
      'DeleteUserSessions',
      'LockAccount',
      'Login',
      'Logout',
      'SetFlag',
      'UnlockAccount',
      'UnsetFlag',
    ]);
    // The import keeps its key with its job: a duplicate in flight ends up with that job, never a 409.
    expect(names(keyed.filter((operation) => !('409' in operation.responses)))).toEqual(['CreateArticleImport']);
  });
});
