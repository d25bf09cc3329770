import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

const ISO_WITH_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('articles', () => {
  it('create (201): slug from title, tags sorted and de-duplicated, ISO timestamps with ms', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const result = await http.call('POST', '/api/articles', {
      token,
      body: {
        article: {
          title: 'How to train your dragon',
          description: 'Ever wonder how?',
          body: 'Believe',
          tagList: ['training', 'dragons', 'training'],
        },
      },
    });
    expect(result.status).toBe(201);
    expect(result.body.article).toMatchObject({
      slug: 'how-to-train-your-dragon',
      tagList: ['dragons', 'training'],
      favorited: false,
      favoritesCount: 0,
      body: 'Believe',
      author: { username: 'jake', bio: null, image: null, following: false },
    });
    expect(result.body.article.createdAt).toMatch(ISO_WITH_MS);
    expect(result.body.article.updatedAt).toMatch(ISO_WITH_MS);
    // Built from the write and the profile the session check read: what reading it back gives its author.
    expect((await http.call('GET', '/api/articles/how-to-train-your-dragon', { token })).body).toEqual(result.body);
    await http.call('PUT', '/api/user', { token, body: { user: { bio: 'Dragon trainer', image: 'https://example.com/j.png' } } });
    const second = await http.call('POST', '/api/articles', {
      token,
      body: { article: { title: 'How to train your dragon', description: 'd', body: 'b' } },
    });
    const comment = await http.call('POST', '/api/articles/how-to-train-your-dragon/comments', {
      token,
      body: { comment: { body: 'Nice' } },
    });
    expect((await http.call('GET', `/api/articles/${second.body.article.slug}`, { token })).body).toEqual(second.body);
    expect(second.body.article.author).toEqual({
      username: 'jake',
      bio: 'Dragon trainer',
      image: 'https://example.com/j.png',
      following: false,
    });
    expect((await http.call('GET', '/api/articles/how-to-train-your-dragon/comments', { token })).body.comments).toEqual([
      comment.body.comment,
    ]);
  });

  it('create: 401 anonymous, 422 with field errors, 415 for non-JSON', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    expectProblem(await http.call('POST', '/api/articles', { body: { article: {} } }), 401, 'UNAUTHENTICATED');
    const invalid = await http.call('POST', '/api/articles', { token, body: { article: { title: ' ', tagList: 'x' } } });
    expectProblem(invalid, 422, 'VALIDATION_FAILED');
    expect(Object.keys(invalid.body.errors).sort()).toEqual(['body', 'description', 'tagList', 'title']);
    const form = await http.call('POST', '/api/articles', {
      token,
      body: 'title=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('get (200 / 404), with the viewer’s favorited and following', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    const { slug } = await http.createArticle(jake);
    await http.call('POST', `/api/profiles/jake/follow`, { token: ann });
    await http.call('POST', `/api/articles/${slug}/favorite`, { token: ann });
    const asAnn = await http.call('GET', `/api/articles/${slug}`, { token: ann });
    expect(asAnn.body.article).toMatchObject({ favorited: true, favoritesCount: 1, author: { following: true } });
    const anonymous = await http.call('GET', `/api/articles/${slug}`);
    expect(anonymous.body.article).toMatchObject({ favorited: false, favoritesCount: 1, author: { following: false } });
    expectProblem(await http.call('GET', '/api/articles/missing'), 404, 'ARTICLE_NOT_FOUND');
  });

  it('get with an invalid token proceeds as anonymous on optional-auth routes', async () => {
    const http = createHttpTestHarness();
    const { slug } = await http.createArticle(await http.register('jake'));
    const result = await http.call('GET', `/api/articles/${slug}`, { headers: { Authorization: 'Token garbage' } });
    expect(result.status).toBe(200);
    expect((await http.call('GET', '/api/articles', { headers: { Authorization: 'Token garbage' } })).status).toBe(200);
  });

  it('create and edit: the whole article sent back is fine; read-only keys are ignored, never applied', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const created = await http.createArticle(jake, { title: 'Whole' });
    const edited = await http.call('PUT', `/api/articles/${created.slug}`, {
      token: jake,
      body: { article: { ...created, body: 'Edited', slug: 'chosen-by-client', favoritesCount: 99, author: { username: 'x' } } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.article).toMatchObject({ slug: created.slug, body: 'Edited', favoritesCount: 0, author: { username: 'jake' } });
  });

  it('blank required text, an update with nothing to change, and text PostgreSQL cannot store are 422 by field', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const blank = await http.call('POST', '/api/articles', { token: jake, body: { article: { title: ' ', description: '', body: '\t' } } });
    expectProblem(blank, 422, 'VALIDATION_FAILED');
    expect(blank.body.errors).toEqual({ title: ["can't be blank"], description: ["can't be blank"], body: ["can't be blank"] });
    const nul = await http.call('POST', '/api/articles', {
      token: jake,
      body: { article: { title: 'a\u0000b', description: 'd', body: 'b', tagList: ['\ud800'] } },
    });
    expectProblem(nul, 422, 'VALIDATION_FAILED');
    expect(Object.keys(nul.body.errors).sort()).toEqual(['tagList', 'title']);
    const { slug } = await http.createArticle(jake);
    for (const article of [{}, { slug: 'x', author: {} }]) {
      const nothing = await http.call('PUT', `/api/articles/${slug}`, { token: jake, body: { article } });
      expectProblem(nothing, 422, 'VALIDATION_FAILED');
      expect(nothing.body.errors).toEqual({ article: ['must contain at least one field to change'] });
    }
    expectProblem(await http.call('GET', '/api/articles/a%00b'), 422, 'VALIDATION_FAILED');
  });

  it('update (200): omitted fields kept, slug follows title, tagList [] clears; 403 for others; 404', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    const created = await http.createArticle(jake, { tagList: ['a', 'b'] });
    const updated = await http.call('PUT', `/api/articles/${created.slug}`, {
      token: jake,
      body: { article: { title: 'Did you train your dragon?', tagList: [] } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.article).toMatchObject({ slug: 'did-you-train-your-dragon', body: 'Believe', tagList: [] });
    const forbidden = await http.call('PUT', `/api/articles/${updated.body.article.slug}`, {
      token: ann,
      body: { article: { body: 'mine' } },
    });
    expectProblem(forbidden, 403, 'ARTICLE_EDIT_FORBIDDEN');
    expectProblem(
      await http.call('PUT', '/api/articles/missing', { token: jake, body: { article: { body: 'x' } } }),
      404,
      'ARTICLE_NOT_FOUND',
    );
  });

  it('delete (204); 403 for others; then 404', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    const { slug } = await http.createArticle(jake);
    expectProblem(await http.call('DELETE', `/api/articles/${slug}`, { token: ann }), 403, 'ARTICLE_DELETE_FORBIDDEN');
    const deleted = await http.call('DELETE', `/api/articles/${slug}`, { token: jake });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expectProblem(await http.call('GET', `/api/articles/${slug}`), 404, 'ARTICLE_NOT_FOUND');
  });

  it('favorite/unfavorite: no body even with Content-Type: application/json, idempotent', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    const { slug } = await http.createArticle(jake);
    const jsonNoBody = { token: ann, headers: { 'Content-Type': 'application/json' } };
    expect((await http.call('POST', `/api/articles/${slug}/favorite`, jsonNoBody)).body.article.favoritesCount).toBe(1);
    expect((await http.call('POST', `/api/articles/${slug}/favorite`, jsonNoBody)).body.article.favoritesCount).toBe(1);
    const undone = await http.call('DELETE', `/api/articles/${slug}/favorite`, { token: ann });
    expect(undone.body.article).toMatchObject({ favorited: false, favoritesCount: 0 });
    expectProblem(await http.call('POST', '/api/articles/missing/favorite', { token: ann }), 404, 'ARTICLE_NOT_FOUND');
    expectProblem(await http.call('POST', `/api/articles/${slug}/favorite`), 401, 'UNAUTHENTICATED');
  });

  it('tags: every tag in use, most used first, new ones at once', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    expect((await http.call('GET', '/api/tags')).body).toEqual({ tags: [] });
    await http.createArticle(jake, { title: 'One', tagList: ['rare', 'common'] });
    await http.createArticle(jake, { title: 'Two', tagList: ['common'] });
    expect((await http.call('GET', '/api/tags')).body).toEqual({ tags: ['common', 'rare'] });
  });

  it('a write whose re-read fails (the database dropped the connection after the commit) is still answered with its success', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const failOnce = <A extends unknown[], R>(read: (...args: A) => Promise<R>) => {
      let failed = false;
      return (...args: A): Promise<R> => {
        if (failed) return read(...args);
        failed = true;
        return Promise.reject(new Error('database unavailable'));
      };
    };
    const { articles, comments } = http.memory.queries;
    articles.bySlug = failOnce(articles.bySlug.bind(articles));
    const article = await http.createArticle(token);
    articles.bySlug = failOnce(articles.bySlug.bind(articles));
    expect((await http.call('POST', `/api/articles/${article.slug}/favorite`, { token })).status).toBe(200);
    comments.byId = failOnce(comments.byId.bind(comments));
    expect((await http.call('POST', `/api/articles/${article.slug}/comments`, { token, body: { comment: { body: 'kept' } } })).status).toBe(
      200,
    );
    expect(http.memory.store.articles.size).toBe(1);
    expect(http.memory.store.favorites.size).toBe(1);
    expect(http.memory.store.comments.size).toBe(1);
  });
});
