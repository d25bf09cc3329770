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

  it('list: newest first, no body, total count, filters combine, paging', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    const first = await http.createArticle(jake, { title: 'First', tagList: ['dragons'] });
    const second = await http.createArticle(ann, { title: 'Second', tagList: ['dragons'] });
    await http.createArticle(jake, { title: 'Third' });
    await http.call('POST', `/api/articles/${first.slug}/favorite`, { token: ann });

    const all = await http.call('GET', '/api/articles?limit=2');
    expect(all.body.articlesCount).toBe(3);
    expect(all.body.articles.map((a: { title: string }) => a.title)).toEqual(['Third', 'Second']);
    expect(all.body.articles[0]).not.toHaveProperty('body');
    const next = await http.call('GET', '/api/articles?limit=2&offset=2');
    expect(next.body.articles.map((a: { title: string }) => a.title)).toEqual(['First']);

    const titles = async (query: string) =>
      (await http.call('GET', `/api/articles?${query}`)).body.articles.map((a: { title: string }) => a.title);
    expect(await titles('tag=dragons')).toEqual(['Second', 'First']);
    expect(await titles('tag=dragons&author=jake')).toEqual(['First']);
    expect(await titles('favorited=ann')).toEqual(['First']);
    expect(await titles('favorited=ann&author=ann')).toEqual([]);
    expect(await titles('tag=&author=&favorited=')).toEqual(['Third', 'Second', 'First']);
    expect(second.slug).toBe('second');
  });

  it('list and feed: `next` and `Link: rel="next"` give the following page by cursor, with the same filters and limit, until the last page', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    await http.call('POST', '/api/profiles/jake/follow', { token: ann });
    for (const title of ['One', 'Two', 'Three', 'Four', 'Five']) await http.createArticle(jake, { title, tagList: ['a b'] });
    await http.createArticle(ann, { title: 'Other' });

    const follow = async (path: string, token?: string) => {
      const titles: string[] = [];
      const links: string[] = [];
      let url: string | null = path;
      while (url !== null) {
        const page = await http.call('GET', url, { token });
        expect(page.status, url).toBe(200);
        titles.push(...page.body.articles.map((a: { title: string }) => a.title));
        url = page.body.next;
        expect(page.headers.get('Link'), String(url)).toBe(url === null ? null : `<${url}>; rel="next"`);
        if (url !== null) links.push(url);
      }
      return { titles, links };
    };
    const byAuthor = await follow('/api/articles?author=jake&tag=a%20b&limit=2&offset=0&junk=1');
    expect(byAuthor.titles).toEqual(['Five', 'Four', 'Three', 'Two', 'One']);
    expect(byAuthor.links).toHaveLength(2);
    for (const link of byAuthor.links) {
      const url = new URL(link, 'http://x');
      expect(url.pathname).toBe('/api/articles');
      expect([...url.searchParams.keys()].sort()).toEqual(['author', 'cursor', 'limit', 'tag']);
      expect(url.searchParams.get('tag')).toBe('a b');
    }
    expect((await follow('/api/articles/feed?limit=3', ann)).titles).toEqual(['Five', 'Four', 'Three', 'Two', 'One']);
    // A full last page says it is the last: no empty page to fetch.
    const whole = await http.call('GET', '/api/articles?limit=6');
    expect(whole.body.next).toBeNull();
    expect(whole.headers.get('Link')).toBeNull();
    // offset counts from the cursor.
    const first = await http.call('GET', '/api/articles?limit=1');
    const skipped = await http.call('GET', `${first.body.next}&offset=2`);
    expect(skipped.body.articles.map((a: { title: string }) => a.title)).toEqual(['Three']);
    expect(skipped.body.articlesCount).toBe(6);
  });

  it('list: a cursor this server did not give is 422 by field; an empty one starts from the top', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    await http.createArticle(jake);
    const forged = (text: string) => Buffer.from(text).toString('base64url');
    for (const cursor of [
      'x',
      'p1',
      forged('p1:1:0'),
      forged('p1:99999999999999999:1'),
      forged('p2:1:1'),
      forged('p1:1:1:1'),
      'a'.repeat(65),
      '%00',
    ]) {
      const answer = await http.call('GET', `/api/articles?cursor=${cursor}`);
      expectProblem(answer, 422, 'VALIDATION_FAILED');
      expect(Object.keys(answer.body.errors), cursor).toEqual(['cursor']);
    }
    expect((await http.call('GET', `/api/articles?cursor=${forged('p1:0:1')}`)).body.articles).toEqual([]);
    expect((await http.call('GET', '/api/articles?cursor=')).body.articlesCount).toBe(1);
    expectProblem(await http.call('GET', '/api/articles/feed?cursor=zzz', { token: jake }), 422, 'VALIDATION_FAILED');
  });

  it('list: caps large limits and refuses bad paging values (422)', async () => {
    const http = createHttpTestHarness();
    expect((await http.call('GET', '/api/articles?limit=100000')).status).toBe(200);
    for (const query of ['limit=-1', 'limit=abc', 'offset=-5', 'limit=1.5', 'tag=a%00b', 'author=%00']) {
      expectProblem(await http.call('GET', `/api/articles?${query}`), 422, 'VALIDATION_FAILED');
    }
    // Unknown parameters (cache busters, `constructor`, `__proto__`) are ignored.
    for (const query of ['unknown=1', 'constructor=1', '__proto__=1', 'toString=x&valueOf=y']) {
      expect((await http.call('GET', `/api/articles?${query}`)).status).toBe(200);
    }
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

  it('feed: 401 anonymous; followed authors only', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const ann = await http.register('ann');
    const bob = await http.register('bob');
    await http.createArticle(jake, { title: 'By jake' });
    await http.createArticle(bob, { title: 'By bob' });
    await http.call('POST', '/api/profiles/jake/follow', { token: ann });
    expectProblem(await http.call('GET', '/api/articles/feed'), 401, 'UNAUTHENTICATED');
    const feed = await http.call('GET', '/api/articles/feed', { token: ann });
    expect(feed.body.articlesCount).toBe(1);
    expect(feed.body.articles[0].title).toBe('By jake');
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
