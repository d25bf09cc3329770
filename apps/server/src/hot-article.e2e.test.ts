import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withBusyCores } from './testing/busy-cores.js';
import { inBatches, signUpAt } from './testing/sign-up.js';
import { serverForThisFile } from './testing/spawn-server.js';

// Production's counts (the pool, the route's connection share, the in-flight limit, the rate
// limits) with time limits as ceilings that only catch a hang: how long 200 requests wait for a
// connection depends on how slow the machine is, and the verdict must not. That a favorite holds
// the article's row only for its counter's update (no transaction, no lock across round trips) is
// held by counting its statements (adapters-db's postgres-specific.test.ts); what this adds is
// that a crowd on one row, with every core busy, gets no deadlock, no refusal and exact counts.
// With production's time budgets, how many of them get 503 is measured by `pnpm bench --hot`.
const target = serverForThisFile({ REQUEST_TIMEOUT_MS: '120000', DB_STATEMENT_TIMEOUT_MS: '110000', DB_ACQUIRE_TIMEOUT_MS: '100000' });

const FANS = 200;

const favoritesIn = async (slug: string) => {
  const client = new pg.Client({ connectionString: target.database.ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ kept: number; rows: number }>(
      'select a.favorites_count as kept, (select count(*)::int from favorites f where f.article_id = a.id) as rows from articles a where a.slug = $1',
      [slug],
    );
    return rows[0];
  } finally {
    await client.end();
  }
};

/** Everyone at once, on keep-alive connections: the statuses, in order, with the bodies of the failures. */
const allAtOnce = (tokens: readonly string[], method: 'POST' | 'DELETE', slug: string) =>
  Promise.all(
    tokens.map(async (token) => {
      const response = await fetch(`${target.server.baseUrl}/api/articles/${slug}/favorite`, {
        method,
        headers: { Authorization: `Token ${token}` },
      });
      const text = await response.text();
      return response.status === 200 ? 200 : `${response.status} ${text}`;
    }),
  );

describe('a hot article', () => {
  it(`takes ${FANS} favorites at once, then ${FANS} unfavorites, on a machine whose every core is busy: every one succeeds, the count exact`, async () => {
    const base = target.server.baseUrl;
    const run = Math.random().toString(36).slice(2, 8);
    const authorToken = await signUpAt(base, `hot${run}`);
    const created = await fetch(`${base}/api/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Token ${authorToken}` },
      body: JSON.stringify({ article: { title: `Hot ${run}`, description: 'd', body: 'b' } }),
    });
    const { slug } = (await created.json()).article as { slug: string };
    const tokens = await inBatches(
      Array.from({ length: FANS }, (_, index) => `fan${run}x${index}`),
      4,
      (name) => signUpAt(base, name),
    );

    const { favorited, unfavorited } = await withBusyCores(async () => {
      const favorited = await allAtOnce(tokens, 'POST', slug);
      const afterFavorites = await favoritesIn(slug);
      const unfavorited = await allAtOnce(tokens, 'DELETE', slug);
      return {
        favorited: { statuses: favorited, saved: afterFavorites },
        unfavorited: { statuses: unfavorited, saved: await favoritesIn(slug) },
      };
    });
    expect(favorited.statuses.filter((status) => status !== 200)).toEqual([]);
    expect(favorited.saved).toEqual({ kept: FANS, rows: FANS });
    expect(unfavorited.statuses.filter((status) => status !== 200)).toEqual([]);
    expect(unfavorited.saved).toEqual({ kept: 0, rows: 0 });
  });
});
