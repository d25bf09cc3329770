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
});
