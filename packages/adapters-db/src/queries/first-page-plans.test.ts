import type { ArticleFilter, ArticlePage } from '@conduit/app';
import { DEFAULT_TENANT, type UserId } from '@conduit/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresTestContext, type PostgresTestContext } from '../testing/test-database.js';
import { FIRST_PAGE_SIZES } from './kysely-article-queries.js';

/*
 * A first page of a common size is served by a statement with its size and offset in its text, and
 * an anonymous reader's by one with no viewer (kysely-article-queries.ts), so PostgreSQL settles on
 * one plan for each instead of planning each execution afresh. Counted in PostgreSQL's own view of the connection's prepared
 * statements: a pool of one connection, so every list below ran on the connection asked.
 */

let db: PostgresTestContext;
const READER = 1 as UserId;
const RUNS = 12;

beforeAll(async () => {
  db = await openPostgresTestContext({ poolSize: 1 });
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  try {
    await owner.query(`
      select set_config('conduit.tenant', '${DEFAULT_TENANT.id}', false);
      insert into users (username, email, password_hash) select 'user' || g, 'user' || g || '@example.com', '-' from generate_series(1, 20) g;
      insert into articles (slug, title, description, body, author_id, created_at, updated_at, tag_list)
        select 'article-' || g, 'Article ' || g, 'About ' || g, 'Body ' || g, 1 + g % 20,
               timestamptz '2026-01-01' + g * interval '1 minute', timestamptz '2026-01-01' + g * interval '1 minute',
               array['tag' || g % 7, 'other' || g % 5]
        from generate_series(1, 600) g;
      insert into article_tags (article_id, tag, created_at) select id, unnest(tag_list), created_at from articles;
      insert into tags (name, articles_count) select tag, count(*) from article_tags group by tag;
      insert into favorites (user_id, article_id, article_created_at) select 1 + id % 20, id, created_at from articles;
      update articles set favorites_count = 1;
      insert into follows (follower_id, followee_id) select 1, g from generate_series(2, 6) g;
      update users u set articles_count = c.n from (select author_id, count(*) n from articles group by author_id) c where u.id = c.author_id;
      analyze;
    `);
  } finally {
    await owner.end();
  }
});
afterAll(async () => {
  await db?.close();
});

const articles = () => db.queries.articles;
const slugs = (page: ArticlePage) => page.articles.map((article) => article.slug);

/** Each shape of list a reader asks for, as the read model is called for it. */
const LISTS: { name: string; read: (limit: number, offset: number) => Promise<ArticlePage> }[] = [
  ...(
    [
      ['all, anonymous', {}, null],
      ['all, signed in', {}, READER],
      ['by tag', { tag: 'tag3' }, READER],
      ['by author', { author: 'user4' }, null],
      ['favorited by', { favoritedBy: 'user5' }, null],
    ] as [string, ArticleFilter, UserId | null][]
  ).map(([name, filter, viewer]) => ({
    name,
    read: (limit: number, offset: number) => articles().list(filter, { limit, offset }, viewer),
  })),
  { name: 'feed', read: (limit, offset) => articles().feed(READER, { limit, offset }) },
];

const plansOf = async (sizeInText: number) => {
  const rows = await db.orm.em
    .getConnection()
    .execute<{ statement: string; generic_plans: string; custom_plans: string }[]>(
      'select statement, generic_plans::text, custom_plans::text from pg_prepared_statements',
    );
  return rows.filter((row) => new RegExp(`limit ${sizeInText}\\b`).test(row.statement));
};

describe('a first page of a common size', () => {
  it.each(LISTS)('$name: the same articles as through the statement that takes its size as a parameter', async ({ read }) => {
    for (const size of FIRST_PAGE_SIZES) {
      const [fixed, general] = await Promise.all([read(size, 0), read(size + 1, 0)]);
      expect(fixed.articles.length).toBeGreaterThan(0);
      expect(slugs(fixed)).toEqual(slugs(general).slice(0, size));
      expect(fixed.articlesCount).toBe(general.articlesCount);
    }
  });

  it('is planned once per statement, not at every execution', async () => {
    const size = FIRST_PAGE_SIZES.at(-1) ?? 0;
    for (let run = 0; run < RUNS; run += 1) for (const list of LISTS) await list.read(size, 0);
    const plans = await plansOf(size + 1);
    // One statement per list: the anonymous reader's all articles have one of their own.
    expect(plans).toHaveLength(LISTS.length);
    for (const plan of plans) {
      expect(Number(plan.generic_plans), plan.statement).toBeGreaterThan(0);
      // PostgreSQL plans the first five executions for their values, then compares.
      expect(Number(plan.custom_plans), plan.statement).toBeLessThanOrEqual(5);
    }
  });

  it('after an offset or a cursor, is served by the statements that take them as parameters', async () => {
    const size = FIRST_PAGE_SIZES[0] ?? 0;
    const before = await plansOf(size + 1);
    const first = await articles().list({}, { limit: size, offset: 0 }, null);
    const byOffset = await articles().list({}, { limit: size, offset: size }, null);
    const byCursor = await articles().list({}, { limit: size, offset: 0, after: first.next ?? undefined }, null);
    expect(slugs(byCursor)).toEqual(slugs(byOffset));
    expect(byOffset.articles).toHaveLength(size);
    const after = await plansOf(size + 1);
    const executions = (plans: typeof before) => plans.map((plan) => Number(plan.generic_plans) + Number(plan.custom_plans));
    // The first page alone ran a statement with the size in its text.
    expect(executions(after).reduce((a, b) => a + b, 0) - executions(before).reduce((a, b) => a + b, 0)).toBe(1);
  });
});
