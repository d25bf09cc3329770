import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

const _ISO_WITH_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('article lists and the feed', () => {
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
});
