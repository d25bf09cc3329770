import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

describe('profiles', () => {
  it('get (200 / 404), follow and unfollow without a body, idempotently', async () => {
    const http = createHttpTestHarness();
    await http.register('jake');
    const ann = await http.register('ann');
    expect((await http.call('GET', '/api/profiles/jake')).body).toEqual({
      profile: { username: 'jake', bio: null, image: null, following: false },
    });
    expectProblem(await http.call('GET', '/api/profiles/nobody'), 404, 'PROFILE_NOT_FOUND');
    const jsonNoBody = { token: ann, headers: { 'Content-Type': 'application/json' } };
    expect((await http.call('POST', '/api/profiles/jake/follow', jsonNoBody)).body.profile.following).toBe(true);
    expect((await http.call('POST', '/api/profiles/jake/follow', jsonNoBody)).body.profile.following).toBe(true);
    expect((await http.call('GET', '/api/profiles/jake', { token: ann })).body.profile.following).toBe(true);
    expect((await http.call('DELETE', '/api/profiles/jake/follow', { token: ann })).body.profile.following).toBe(false);
  });

  it('follow: 401 anonymous, 404 unknown, 422 oneself', async () => {
    const http = createHttpTestHarness();
    const ann = await http.register('ann');
    expectProblem(await http.call('POST', '/api/profiles/ann/follow'), 401, 'UNAUTHENTICATED');
    expectProblem(await http.call('POST', '/api/profiles/nobody/follow', { token: ann }), 404, 'PROFILE_NOT_FOUND');
    expectProblem(await http.call('POST', '/api/profiles/ann/follow', { token: ann }), 422, 'CANNOT_FOLLOW_YOURSELF');
  });
});

describe('comments', () => {
  it('add (200) and list with the author as the viewer sees them', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    const { slug } = await http.createArticle(jake);
    const added = await http.call('POST', `/api/articles/${slug}/comments`, { token: ann, body: { comment: { body: 'Thank you!' } } });
    expect(added.status).toBe(200);
    expect(added.body.comment).toMatchObject({ id: expect.any(Number), body: 'Thank you!', author: { username: 'ann', following: false } });
    await http.call('POST', '/api/profiles/ann/follow', { token: jake });
    const listed = await http.call('GET', `/api/articles/${slug}/comments`, { token: jake });
    expect(listed.body.comments).toHaveLength(1);
    expect(listed.body.comments[0].author.following).toBe(true);
    expect((await http.call('GET', `/api/articles/${slug}/comments`)).body.comments[0].author.following).toBe(false);
  });

  it('add: 401, 404 unknown article, 422 blank body', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const { slug } = await http.createArticle(jake);
    expectProblem(await http.call('POST', `/api/articles/${slug}/comments`, { body: { comment: { body: 'x' } } }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await http.call('POST', '/api/articles/missing/comments', { token: jake, body: { comment: { body: 'x' } } }),
      404,
      'ARTICLE_NOT_FOUND',
    );
    const blank = await http.call('POST', `/api/articles/${slug}/comments`, { token: jake, body: { comment: { body: '' } } });
    expectProblem(blank, 422, 'VALIDATION_FAILED');
    expect(blank.body.errors).toEqual({ body: ["can't be blank"] });
    expectProblem(await http.call('GET', '/api/articles/missing/comments'), 404, 'ARTICLE_NOT_FOUND');
  });

  it('delete: 204 by the author, 403 by users who own neither it nor the article, 404 unknown, 422 non-numeric id', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    const bob = await http.register('bob');
    const { slug } = await http.createArticle(jake);
    const { id } = (await http.call('POST', `/api/articles/${slug}/comments`, { token: ann, body: { comment: { body: 'hi' } } })).body
      .comment;
    expectProblem(await http.call('DELETE', `/api/articles/${slug}/comments/${id}`, { token: bob }), 403, 'COMMENT_DELETE_FORBIDDEN');
    expect((await http.call('DELETE', `/api/articles/${slug}/comments/${id}`, { token: ann })).status).toBe(204);
    expectProblem(await http.call('DELETE', `/api/articles/${slug}/comments/${id}`, { token: ann }), 404, 'COMMENT_NOT_FOUND');
    expectProblem(await http.call('DELETE', `/api/articles/${slug}/comments/abc`, { token: ann }), 422, 'VALIDATION_FAILED');
  });
});
