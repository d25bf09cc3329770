import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import { createConduitClient } from '@conduit/client';
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

/** The typed client, as one user or anonymous: the calls a TypeScript consumer makes. */
const as = (token?: string) => createConduitClient({ baseUrl: server.baseUrl, ...(token ? { token } : {}) });

describe('a whole user journey over real HTTP on PostgreSQL', () => {
  it('registers, writes, follows, favorites, comments, edits and cleans up', async () => {
    const anonymous = as();
    const jake = await anonymous.POST('/api/users', {
      body: { user: { username: 'jake', email: 'jake@jake.jake', password: 'jakejake' } },
    });
    expect(jake.response.status).toBe(201);
    const ann = await anonymous.POST('/api/users', { body: { user: { username: 'ann', email: 'ann@ann.ann', password: 'annannann' } } });
    const jakeUser = jake.data?.user;
    if (jakeUser === undefined) throw new Error('jake was not signed up');
    const asJake = as(jakeUser.token);

    const login = await anonymous.POST('/api/users/login', { body: { user: { email: 'ann@ann.ann', password: 'annannann' } } });
    expect(login.response.status).toBe(200);
    const asAnn = as(login.data?.user.token);
    expect(ann.data?.user.username).toBe('ann');
    const badLogin = await anonymous.POST('/api/users/login', { body: { user: { email: 'ann@ann.ann', password: 'wrong-password' } } });
    expect(badLogin.response.status).toBe(401);
    expect(badLogin.error?.errors).toEqual({ credentials: ['invalid'] });

    // A frontend sends the whole user object back, token included, with an empty password.
    const settings = await asJake.PUT('/api/user', { body: { user: { ...jakeUser, bio: 'Dragon trainer', password: '' } } });
    expect(settings.data?.user.bio).toBe('Dragon trainer');

    const created = await asJake.POST('/api/articles', {
      body: {
        article: { title: 'How to train your dragon', description: 'Ever wonder how?', body: 'Believe', tagList: ['training', 'dragons'] },
      },
    });
    expect(created.response.status).toBe(201);
    expect(created.data?.article.tagList).toEqual(['dragons', 'training']);
    const slug = created.data?.article.slug ?? '';
    const twin = await asJake.POST('/api/articles', {
      body: { article: { title: 'How to train your dragon', description: 'Twice', body: 'Again' } },
    });
    expect(twin.data?.article.slug).not.toBe(slug);

    expect((await asAnn.POST('/api/profiles/{username}/follow', { params: { path: { username: 'jake' } } })).data?.profile.following).toBe(
      true,
    );
    const feed = await asAnn.GET('/api/articles/feed');
    expect(feed.data?.articlesCount).toBe(2);

    const favorited = await asAnn.POST('/api/articles/{slug}/favorite', { params: { path: { slug } } });
    expect(favorited.data?.article).toMatchObject({ favorited: true, favoritesCount: 1 });
    const byFavorite = await anonymous.GET('/api/articles', { params: { query: { favorited: 'ann', tag: 'dragons' } } });
    expect(byFavorite.data?.articles.map((article) => article.slug)).toEqual([slug]);

    const comment = await asAnn.POST('/api/articles/{slug}/comments', {
      params: { path: { slug } },
      body: { comment: { body: 'Thank you!' } },
    });
    expect(comment.response.status).toBe(200);
    const comments = await asJake.GET('/api/articles/{slug}/comments', { params: { path: { slug } } });
    expect(comments.data?.comments[0]).toMatchObject({ body: 'Thank you!', author: { username: 'ann', following: false } });
    // The article's author moderates comments on it.
    const id = comment.data?.comment.id ?? 0;
    expect((await asJake.DELETE('/api/articles/{slug}/comments/{id}', { params: { path: { slug, id } } })).response.status).toBe(204);

    const edited = await asJake.PUT('/api/articles/{slug}', {
      params: { path: { slug } },
      body: { article: { title: 'Did you train your dragon?' } },
    });
    expect(edited.data?.article).toMatchObject({ slug: 'did-you-train-your-dragon', favoritesCount: 1, body: 'Believe' });
    const newSlug = edited.data?.article.slug ?? '';
    const notYours = await asAnn.PUT('/api/articles/{slug}', { params: { path: { slug: newSlug } }, body: { article: { body: 'x' } } });
    expect(notYours.response.status).toBe(403);

    expect((await anonymous.GET('/api/tags')).data?.tags).toEqual(['dragons', 'training']);
    expect((await asJake.DELETE('/api/articles/{slug}', { params: { path: { slug: newSlug } } })).response.status).toBe(204);
    expect((await anonymous.GET('/api/articles/{slug}', { params: { path: { slug: newSlug } } })).response.status).toBe(404);
    expect((await anonymous.GET('/api/articles')).data?.articlesCount).toBe(1);
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
