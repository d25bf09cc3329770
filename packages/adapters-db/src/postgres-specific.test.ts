import { ALL_FEATURES_ON, type ArticleView, type CommentView } from '@conduit/app';
import { articleId, type User, type UserId, userActor } from '@conduit/domain';
import { aCommentDraft, anArticleDraft } from '@conduit/domain/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordedPostgres } from './testing/recorded-postgres.js';
import type { PostgresTestContext } from './testing/test-database.js';

const postgres = recordedPostgres();
let db: PostgresTestContext;
beforeAll(() => {
  db = postgres.db();
});
const { seed, countStatements, useCasesOnPostgres } = postgres;

describe('writes on PostgreSQL', () => {
  it('write an article, a favorite and a comment in one statement each (no BEGIN, no COMMIT, no check first), answered without reading back', async () => {
    const useCases = useCasesOnPostgres();
    const { author, fan } = await seed(0);
    // As the HTTP and MCP transports call them: with the writer's profile from the session check.
    const self = (user: User) => ({ username: user.username, bio: user.bio, image: user.image });
    const ctx = (user: User) => ({ actor: userActor(user.id, 'user'), features: ALL_FEATURES_ON, self: self(user) });
    let created: ArticleView | undefined;
    const written = await countStatements(async () => {
      created = (await useCases.createArticle(ctx(author), anArticleDraft({ title: 'Counted', tagList: ['one', 'two'] })))._unsafeUnwrap();
    });
    const slug = created?.slug ?? '';
    // The answer is what reading it back gives its author.
    expect(created).toEqual(await db.queries.articles.bySlug(slug, author.id));
    // A second article of the same title: its slug is taken, so the same insert takes the suffixed fallback.
    let second: ArticleView | undefined;
    const again = await countStatements(async () => {
      second = (await useCases.createArticle(ctx(author), anArticleDraft({ title: 'Counted' })))._unsafeUnwrap();
    });
    expect(second?.slug).toMatch(/^counted-[0-9a-z]+$/);
    expect(second).toEqual(await db.queries.articles.bySlug(second?.slug ?? '', author.id));
    const favorited = await countStatements(async () => useCases.favoriteArticle(ctx(fan), slug));
    const unfavorited = await countStatements(async () => useCases.unfavoriteArticle(ctx(fan), slug));
    let comment: CommentView | undefined;
    const commented = await countStatements(async () => {
      comment = (await useCases.addComment(ctx(fan), slug, aCommentDraft('counted')))._unsafeUnwrap();
    });
    const stored = await db.repositories.articles.findBySlug(slug);
    expect(stored).not.toBeNull();
    expect(comment).toEqual((await db.queries.comments.forArticle(stored?.id ?? articleId(0), fan.id)).at(-1));
    expect({ written, again, favorited, unfavorited, commented }).toEqual({
      written: 1,
      again: 1,
      favorited: 2,
      unfavorited: 2,
      commented: 1,
    });
    // A driver without the writer's profile (a script) reads the answer back: one statement more.
    const { self: _, ...bare } = ctx(author);
    expect(await countStatements(async () => useCases.createArticle(bare, anArticleDraft({ title: 'Scripted' })))).toBe(2);
  });
});

describe('read models on PostgreSQL', () => {
  it('issue the same single statement whatever the page size (no N+1)', async () => {
    const { reader, fan } = await seed(25);
    const list = (limit: number) => () => db.queries.articles.list({}, { limit, offset: 0 }, reader.id);
    const feed = (limit: number) => () => db.queries.articles.feed(reader.id, { limit, offset: 0 });
    const filtered = (limit: number) => () =>
      db.queries.articles.list({ tag: 'a', favoritedBy: fan.username }, { limit, offset: 0 }, reader.id);

    for (const query of [list, feed, filtered]) {
      const small = await countStatements(query(1));
      const large = await countStatements(query(25));
      expect(small).toBe(1);
      expect(large).toBe(small);
    }
    expect((await db.queries.articles.list({}, { limit: 25, offset: 0 }, reader.id)).articles).toHaveLength(25);
  });
});

/**
 * Each page of all articles at these offsets has the rows that skipping from the top gives, in one
 * statement, or two for the page past the end (which has no row to carry the total).
 */
const expectDeepPagesAsSkipped = async (offsets: number[], total: number) => {
  for (const offset of offsets) {
    const expected = await db.orm.em.fork().execute(`select slug from articles order by created_at desc, id desc offset ${offset} limit 4`);
    let page: Awaited<ReturnType<typeof db.queries.articles.list>> | undefined;
    const statementsRun = await countStatements(async () => {
      page = await db.queries.articles.list({}, { limit: 4, offset }, null);
    });
    expect(
      page?.articles.map((article) => article.slug),
      `offset ${offset}`,
    ).toEqual(expected.map((row) => row.slug));
    expect(statementsRun, `offset ${offset}`).toBe(offset < total ? 1 : 2);
  }
};

describe('deep pages', () => {
  it('answers a page far down (chosen on ids first) exactly like a shallow read would', async () => {
    const { author, reader } = await seed(0);
    // 6,000 articles in one statement, a minute apart (over five days): beyond the offset where pages are chosen on ids first.
    await db.orm.em.fork().execute(
      `insert into articles (slug, title, description, body, author_id, created_at, updated_at)
       select 'deep-' || g, 'Deep ' || g, 'd', 'b', ${author.id}, timestamp '2026-01-01' + g * interval '1 minute', timestamp '2026-01-01' + g * interval '1 minute'
       from generate_series(1, 6000) g`,
    );
    await db.orm.em.fork().execute(`update users set articles_count = 6000 where id = ${author.id}`);
    const deep = await db.queries.articles.list({}, { limit: 3, offset: 5500 }, reader.id);
    expect(deep.articlesCount).toBe(6000);
    // Newest first: offset 5,500 is the 5,501st newest, 'deep-500'.
    expect(deep.articles.map((article) => article.slug)).toEqual(['deep-500', 'deep-499', 'deep-498']);
    expect(deep.articles[0]?.author).toEqual({ username: author.username, bio: null, image: null, following: true });
    const byAuthor = await db.queries.articles.list({ author: author.username }, { limit: 2, offset: 5998 }, null);
    expect(byAuthor.articles.map((article) => article.slug)).toEqual(['deep-2', 'deep-1']);
    const pastTheEnd = await db.queries.articles.list({}, { limit: 3, offset: 7000 }, null);
    expect(pastTheEnd).toEqual({ articles: [], articlesCount: 6000, next: null });
    // From the position of the article above it, the same page, in one statement whatever the depth.
    const above = await db.queries.articles.list({}, { limit: 1, offset: 5499 }, reader.id);
    let fromCursor: Awaited<ReturnType<typeof db.queries.articles.list>> | undefined;
    const statementsRun = await countStatements(async () => {
      fromCursor = await db.queries.articles.list({}, { limit: 3, offset: 0, after: above.next ?? undefined }, reader.id);
    });
    expect(fromCursor?.articles).toEqual(deep.articles);
    expect(fromCursor?.next).toEqual(deep.next);
    expect(statementsRun).toBe(1);
  });

  it('starts a deep page of all articles from the period counts, on the same rows as skipping from the top, across day boundaries', async () => {
    const { author } = await seed(0);
    await db.orm.em.fork().execute(
      `insert into articles (slug, title, description, body, author_id, created_at, updated_at)
       select 'deep-' || g, 'Deep ' || g, 'd', 'b', ${author.id}, t, t
       from generate_series(1, 6000) g, lateral (select timestamptz '2026-01-01 23:00:00Z' + (g * 13 % 6000) * interval '1 minute' as t) x`,
    );
    // Minute 60 after 23:00 is midnight: offsets on both sides of day boundaries, and the very end.
    await expectDeepPagesAsSkipped([5000, 5001, 5139, 5140, 5141, 5580, 5997, 5999, 6000], 6000);
  });

  it('descends day, minute and second counts to the same rows when articles come in bulk, many in one millisecond', async () => {
    const { author } = await seed(0);
    // 6,000 articles within 0.9 s around a minute's end, 7 a millisecond in a shuffled order: one
    // day, two minutes, two seconds; ties on the time ordered by id.
    await db.orm.em.fork().execute(
      `insert into articles (slug, title, description, body, author_id, created_at, updated_at)
       select 'bulk-' || g, 'Bulk ' || g, 'd', 'b', ${author.id}, t, t
       from generate_series(1, 6000) g, lateral (select timestamptz '2026-01-01 10:00:59.500Z' + ((g * 13 % 6000) / 7) * interval '1 millisecond' as t) x`,
    );
    await expectDeepPagesAsSkipped([5000, 5001, 5499, 5500, 5996, 5999, 6000], 6000);
  });
});

describe('feed pages', () => {
  /** The reader's feed in SQL, newest first: what every page must be a slice of. */
  const feedInSql = async (readerId: UserId): Promise<string[]> =>
    (
      await db.orm.em
        .fork()
        .execute(
          `select slug from articles a join follows f on f.followee_id = a.author_id and f.follower_id = ${readerId} order by a.created_at desc, a.id desc`,
        )
    ).map((row) => row.slug as string);

  /** Every page of the reader's feed, `limit` a page, each after the last one's `next`. */
  const walkedFeed = async (readerId: UserId, limit: number): Promise<string[]> => {
    const walked: string[] = [];
    let after = undefined as Parameters<typeof db.queries.articles.feed>[1]['after'];
    for (;;) {
      const page = await db.queries.articles.feed(readerId, { limit, offset: 0, after });
      walked.push(...page.articles.map((article) => article.slug));
      if (page.next === null) return walked;
      after = page.next;
    }
  };

  /**
   * `authors` + 1 users named `prefix`1, `prefix`2…, the articles `articles` selects over them (as
   * `u`, its where clause narrowed to them), their counters, and the reader following all but the last.
   */
  const followedAuthors = async (readerId: UserId, prefix: string, authors: number, articles: string) => {
    const run = (statement: string) => db.orm.em.fork().execute(statement);
    await run(
      `insert into users (username, email, password_hash) select '${prefix}' || g, '${prefix}' || g || '@example.com', '-' from generate_series(1, ${authors + 1}) g`,
    );
    await run(
      `insert into articles (slug, title, description, body, author_id, created_at, updated_at) ${articles} and u.username like '${prefix}%'`,
    );
    await run(
      `update users u set articles_count = (select count(*) from articles a where a.author_id = u.id) where u.username like '${prefix}%'`,
    );
    await run(
      `insert into follows select ${readerId}, id from users where username like '${prefix}%' and username <> '${prefix}${authors + 1}'`,
    );
  };

  it('are the same rows whether they come per followed author or from the newest-first scan', async () => {
    const { reader } = await seed(0);
    // 101 followed authors, one article each, a minute apart; one more by someone not followed.
    await followedAuthors(
      reader.id,
      'author',
      101,
      `select 'by-' || u.username, 'By ' || u.username, 'd', 'b', u.id, t, t
       from users u, lateral (select timestamptz '2026-01-01' + (u.id * 7 % 103) * interval '1 minute' as t) x where true`,
    );
    const expected = await feedInSql(reader.id);
    // 101 × 100 entries is past the per-author bound: the scan; 101 × 30 is within it.
    const scanned = await db.queries.articles.feed(reader.id, { limit: 100, offset: 0 });
    const perAuthor = await db.queries.articles.feed(reader.id, { limit: 20, offset: 10 });
    expect(scanned.articles.map((article) => article.slug)).toEqual(expected.slice(0, 100));
    expect(perAuthor.articles.map((article) => article.slug)).toEqual(expected.slice(10, 30));
    expect(scanned.articlesCount).toBe(101);
    // Followed page by page, both ways give every article once, in order.
    for (const limit of [100, 20]) expect(await walkedFeed(reader.id, limit), `${limit} a page`).toEqual(expected);
  });

  it('are the same rows when followed authors write at unlike paces, with ties where the page ends', async () => {
    const { reader } = await seed(0);
    // 30 followed authors with 0 to 12 articles each, on 40 distinct minutes: many articles share a
    // created_at, so pages often end on a tie.
    await followedAuthors(
      reader.id,
      'pace',
      30,
      `select 'pace-' || u.username || '-' || k, 'Pace', 'd', 'b', u.id, t, t
       from users u, generate_series(1, 12) k,
            lateral (select timestamptz '2026-02-01' + ((u.id * 7 + k * 11) % 40) * interval '1 minute' as t) x
       where k <= (u.id * 5) % 13`,
    );
    const expected = await feedInSql(reader.id);
    expect(expected.length).toBeGreaterThan(100);
    for (const [limit, offset] of [
      [1, 0],
      [5, 0],
      [10, 0],
      [20, 0],
      [20, 7],
      [3, 29],
      [50, 40],
      [20, expected.length - 5],
    ] as const) {
      const page = await db.queries.articles.feed(reader.id, { limit, offset });
      expect(
        page.articles.map((article) => article.slug),
        `limit ${limit} offset ${offset}`,
      ).toEqual(expected.slice(offset, offset + limit));
    }
    for (const limit of [1, 7, 20]) expect(await walkedFeed(reader.id, limit), `${limit} a page`).toEqual(expected);
  });
});

describe('schema', () => {
  it('matches the records: the committed migrations leave nothing to generate', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
