import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { serverForThisFile } from './testing/spawn-server.js';

const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));
const target = serverForThisFile();

/** The slugs of every article in list order, as PostgreSQL has them now. */
const slugsInOrder = async (where = 'true'): Promise<string[]> => {
  const client = new pg.Client({ connectionString: target.database.ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>(
      `select a.slug from articles a join users u on u.id = a.author_id where ${where} order by a.created_at desc, a.id desc`,
    );
    return rows.map((row) => row.slug);
  } finally {
    await client.end();
  }
};

const get = async (path: string, token?: string) => {
  const response = await fetch(new URL(path, target.server.baseUrl), { headers: token ? { Authorization: `Token ${token}` } : {} });
  return { status: response.status, link: response.headers.get('Link'), body: await response.json() };
};

/** Every page by its `Link: rel="next"` header, as a client that pages by headers does; the slugs in order. */
const followLinks = async (path: string, token?: string, between?: () => Promise<void>) => {
  const slugs: string[] = [];
  let next: string | null = path;
  while (next !== null) {
    const page = await get(next, token);
    expect(page.status, next).toBe(200);
    slugs.push(...page.body.articles.map((article: { slug: string }) => article.slug));
    next = page.link === null ? null : (/^<([^>]+)>; rel="next"$/.exec(page.link)?.[1] ?? 'unreadable Link');
    expect(next).toBe(page.body.next);
    await between?.();
  }
  return slugs;
};

describe('paging against the built server on PostgreSQL', () => {
  it('following next walks thousands of bulk-imported articles (one day) exactly once each, while new ones are written, and deep offsets agree', async () => {
    // `conduit seed` imports in bulk: every article made within the same minute or so.
    const seeded = spawnSync(process.execPath, [CLI, 'seed', '--users', '12', '--articles', '6000', '--seed', '3'], {
      env: { ...process.env, DATABASE_URL: target.database.url },
      encoding: 'utf8',
    });
    expect(seeded.status, seeded.stderr).toBe(0);
    const before = await slugsInOrder();
    expect(before).toHaveLength(6000);

    // Writes land on top while a reader walks down: no page repeats or skips an article because of them.
    const writer = (
      await (
        await fetch(new URL('/api/users', target.server.baseUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ user: { username: 'writer', email: 'writer@example.com', password: 'password123' } }),
        })
      ).json()
    ).user.token;
    let written = 0;
    const writeOne = async () => {
      written += 1;
      const response = await fetch(new URL('/api/articles', target.server.baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Token ${writer}` },
        body: JSON.stringify({ article: { title: `Written while paging ${written}`, description: 'd', body: 'b' } }),
      });
      expect(response.status).toBe(201);
    };
    expect(await followLinks('/api/articles?limit=100', undefined, writeOne)).toEqual(before);
    expect(written).toBe(60);

    // Filters ride along in next: one demo author's articles, and a tag's.
    const author = 'demo5';
    expect(await followLinks(`/api/articles?author=${author}&limit=37`)).toEqual(await slugsInOrder(`u.username = '${author}'`));
    const now = await slugsInOrder();
    expect(now.slice(0, 60).every((slug) => slug.startsWith('written-while-paging'))).toBe(true);

    // Deep offsets (chosen from the day counts) give the same rows as the cursor of the row above them.
    for (const offset of [5000, 5500, 6003, 6059]) {
      const byOffset = await get(`/api/articles?limit=20&offset=${offset}`);
      const above = await get(`/api/articles?limit=1&offset=${offset - 1}`);
      const cursor = new URL(above.body.next, target.server.baseUrl).searchParams.get('cursor');
      const byCursor = await get(`/api/articles?limit=20&cursor=${cursor}`);
      expect(
        byOffset.body.articles.map((a: { slug: string }) => a.slug),
        `offset ${offset}`,
      ).toEqual(now.slice(offset, offset + 20));
      expect(byCursor.body.articles).toEqual(byOffset.body.articles);
      expect(byCursor.body.next).toBe(byOffset.body.next);
      expect(byOffset.body.articlesCount).toBe(6060);
    }
  });
});
