import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

let database: TestDatabase;
let server: RunningServer;

let metricsPort: number;

beforeAll(async () => {
  database = await createTestDatabase();
  metricsPort = await getPort({ host: '127.0.0.1' });
  server = await spawnServer({
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    METRICS_PORT: String(metricsPort),
  });
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  await database?.drop();
});

const api = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
  const response = await fetch(`${server.baseUrl}/api${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.token ? { Authorization: `Token ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
};

describe('a whole user journey over real HTTP on PostgreSQL', () => {
  it('registers, writes, follows, favorites, comments, edits and cleans up', async () => {
    const jake = await api('POST', '/users', { body: { user: { username: 'jake', email: 'jake@jake.jake', password: 'jakejake' } } });
    expect(jake.status).toBe(201);
    const ann = await api('POST', '/users', { body: { user: { username: 'ann', email: 'ann@ann.ann', password: 'annannann' } } });
    const jakeToken = jake.body.user.token as string;

    const login = await api('POST', '/users/login', { body: { user: { email: 'ann@ann.ann', password: 'annannann' } } });
    expect(login.status).toBe(200);
    const annToken = login.body.user.token as string;
    expect(ann.body.user.username).toBe('ann');
    const badLogin = await api('POST', '/users/login', { body: { user: { email: 'ann@ann.ann', password: 'wrong-password' } } });
    expect(badLogin.status).toBe(401);
    expect(badLogin.body.errors).toEqual({ credentials: ['invalid'] });

    const settings = await api('PUT', '/user', {
      token: jakeToken,
      body: { user: { ...jake.body.user, bio: 'Dragon trainer', password: '' } },
    });
    expect(settings.body.user.bio).toBe('Dragon trainer');

    const created = await api('POST', '/articles', {
      token: jakeToken,
      body: {
        article: { title: 'How to train your dragon', description: 'Ever wonder how?', body: 'Believe', tagList: ['training', 'dragons'] },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.article.tagList).toEqual(['dragons', 'training']);
    const slug = created.body.article.slug as string;
    const twin = await api('POST', '/articles', {
      token: jakeToken,
      body: { article: { title: 'How to train your dragon', description: 'Twice', body: 'Again' } },
    });
    expect(twin.body.article.slug).not.toBe(slug);

    expect((await api('POST', '/profiles/jake/follow', { token: annToken })).body.profile.following).toBe(true);
    const feed = await api('GET', '/articles/feed', { token: annToken });
    expect(feed.body.articlesCount).toBe(2);

    const favorited = await api('POST', `/articles/${slug}/favorite`, { token: annToken });
    expect(favorited.body.article).toMatchObject({ favorited: true, favoritesCount: 1 });
    const byFavorite = await api('GET', '/articles?favorited=ann&tag=dragons');
    expect(byFavorite.body.articles.map((a: { slug: string }) => a.slug)).toEqual([slug]);

    const comment = await api('POST', `/articles/${slug}/comments`, { token: annToken, body: { comment: { body: 'Thank you!' } } });
    expect(comment.status).toBe(200);
    const comments = await api('GET', `/articles/${slug}/comments`, { token: jakeToken });
    expect(comments.body.comments[0]).toMatchObject({ body: 'Thank you!', author: { username: 'ann', following: false } });
    // The article's author moderates comments on it.
    expect((await api('DELETE', `/articles/${slug}/comments/${comment.body.comment.id}`, { token: jakeToken })).status).toBe(204);

    const edited = await api('PUT', `/articles/${slug}`, { token: jakeToken, body: { article: { title: 'Did you train your dragon?' } } });
    expect(edited.body.article).toMatchObject({ slug: 'did-you-train-your-dragon', favoritesCount: 1, body: 'Believe' });
    expect((await api('PUT', `/articles/${edited.body.article.slug}`, { token: annToken, body: { article: { body: 'x' } } })).status).toBe(
      403,
    );

    expect((await api('GET', '/tags')).body.tags).toEqual(['dragons', 'training']);
    expect((await api('DELETE', `/articles/${edited.body.article.slug}`, { token: jakeToken })).status).toBe(204);
    expect((await api('GET', `/articles/${edited.body.article.slug}`)).status).toBe(404);
    expect((await api('GET', '/articles')).body.articlesCount).toBe(1);
  });

  it('serves metrics on their own port when METRICS_PORT is set, and not on the API port', async () => {
    const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('http_request_duration_seconds_count{method="POST",route="/api/users",status="201"}');
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(404);
  });

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    const code = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(server.logs.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
  });
});
