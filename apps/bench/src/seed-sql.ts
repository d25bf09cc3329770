import pg from 'pg';

export type ScalePlan = {
  readonly articles: number;
  /**
   * How creation times spread: one article a minute (years of a live site), or in bulk as
   * `conduit seed` and the import leave them (6 a millisecond, the import's measured pace: a
   * million within three minutes of one day).
   */
  readonly spread: 'minutes' | 'bulk';
  readonly users: number;
  readonly tags: number;
  readonly followsPerUser: number;
};

/**
 * The shape of the data at any size: 40 articles a user up to 1,000 users (then more each), 100
 * tags, 50 follows a user; so every filter of the benchmark fills a page of 20 at 2,000 articles too.
 */
export const scalePlan = (articles: number, spread: ScalePlan['spread'] = 'minutes'): ScalePlan => ({
  articles,
  spread,
  users: Math.min(1_000, Math.max(50, Math.round(articles / 40))),
  tags: 100,
  followsPerUser: 50,
});

/** The slug of the k-th seeded article (1-based). */
export const seededSlug = (k: number) => `article-${k}`;
/** The name of the k-th seeded user (1-based). */
export const seededUser = (k: number) => `user${k}`;

/**
 * A connection to the seeded database whose rows are the default publication's, the one the
 * benchmark's servers serve: tenant-owned tables take their tenant from this setting by default.
 */
const connectAsDefaultTenant = async (databaseUrl: string): Promise<pg.Client> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rowCount } = await client.query("select set_config('conduit.tenant', id::text, false) from tenants where slug = 'default'");
  if (rowCount !== 1) throw new Error('the seeded database has no default publication');
  return client;
};

/**
 * Set-based seeding, for sizes the API would take hours to fill: users, articles with two tags
 * each (article_tags and the tags table), one favorite and one comment per article, follows, and
 * every maintained counter set to what the rows say, as the application's own writes would leave
 * them. Runs on a migrated, empty database. Then VACUUM ANALYZE, as autovacuum would have by now.
 */
export const seedBySql = async (databaseUrl: string, plan: ScalePlan, log: (message: string) => void): Promise<void> => {
  const client = await connectAsDefaultTenant(databaseUrl);
  const started = Date.now();
  const step = async (name: string, sql: string, values: unknown[] = []) => {
    const at = Date.now();
    await client.query(sql, values);
    log(`  ${name}: ${((Date.now() - at) / 1000).toFixed(1)} s`);
  };
  try {
    await client.query('set synchronous_commit = off');
    await client.query("set maintenance_work_mem = '512MB'");
    const { users, articles, tags, followsPerUser, spread } = plan;
    const createdAt =
      spread === 'bulk'
        ? "timestamptz '2026-01-01 10:00:00Z' + (g / 6) * interval '1 millisecond'"
        : "timestamptz '2020-01-01' + g * interval '1 minute'";
    // Users can sign in with no password: the hash is not a valid argon2 string (readers sign up through the API).
    await step(
      `${users} users`,
      `insert into users (username, email, password_hash, bio)
       select 'user' || g, 'user' || g || '@example.com', '-', 'Writes about things, number ' || g
       from generate_series(1, $1::int) g`,
      [users],
    );
    // Two different tags per article; authors in turn; oldest first, spread as planned.
    await step(
      `${articles} articles`,
      `insert into articles (slug, title, description, body, author_id, created_at, updated_at, favorites_count, tag_list)
       select 'article-' || g, 'Article number ' || g, 'What article ' || g || ' is about',
              repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 40) || g,
              1 + (g % $2::int), t, t, 1,
              array['tag' || (g % $3::int), 'tag' || ((g % $3::int + 1 + (g / $3::int) % ($3::int - 1)) % $3::int)]
       from generate_series(1, $1::int) g, lateral (select ${createdAt} as t) at`,
      [articles, users, tags],
    );
    await step('tag links', 'insert into article_tags (article_id, tag, created_at) select id, unnest(tag_list), created_at from articles');
    await step(
      'favorites (one per article)',
      `insert into favorites (user_id, article_id, article_created_at)
       select 1 + ((id::bigint * 7919) % $1::int), id, created_at from articles`,
      [users],
    );
    await step(
      'comments (one per article)',
      `insert into comments (body, article_id, author_id, created_at, updated_at)
       select 'A comment on article ' || id, id, 1 + ((id::bigint * 31) % $1::int), created_at, created_at from articles`,
      [users],
    );
    await step(
      'follows',
      `insert into follows (follower_id, followee_id)
       select u.id, 1 + ((u.id - 1 + k) % $1::int) from users u, generate_series(1, $2::int) k`,
      [users, Math.min(followsPerUser, users - 1)],
    );
    await step(
      'counters',
      `update users u set articles_count = c.n from (select author_id, count(*) n from articles group by author_id) c where u.id = c.author_id`,
    );
    await step('tags table', 'insert into tags (name, articles_count) select tag, count(*) from article_tags group by tag');
    await client.query('reset synchronous_commit');
    await step('vacuum analyze', 'vacuum analyze');
    log(`seeded ${articles} articles by SQL in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
};

/** A reader of the seeded data who follows `count` of its users, spread over all of them. */
export const followSeededUsers = async (databaseUrl: string, username: string, count: number): Promise<void> => {
  const client = await connectAsDefaultTenant(databaseUrl);
  try {
    await client.query(
      `insert into follows (follower_id, followee_id)
       select r.id, u.id from users r, users u
       where r.username = $1 and u.username like 'user%' and u.id % greatest(1, (select count(*) from users) / $2) = 0
       order by u.id limit $2`,
      [username, count],
    );
    // Statistics as autovacuum would have them: with every follower in the most-common-values list
    // of a small table, a follower added after the last ANALYZE is estimated at one followee, and
    // PostgreSQL plans the feed for that (measured: 1.2 ms instead of 0.13 ms at 2,000 articles).
    await client.query('analyze follows');
  } finally {
    await client.end();
  }
};
