import { ALL_FEATURES_ON, type ArticleView, type CommentView, makeUseCases } from '@conduit/app';
import { articleId, newComment, profileOf, type User, type UserId, userActor } from '@conduit/domain';
import { aCommentDraft, aNewArticle, aNewUser, anArticleDraft, articleChanges, authorizedForTest } from '@conduit/domain/testing';
import { ResultAsync } from 'neverthrow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERIOD_COUNT_DRIFT } from './article-period-counts.js';
import { openPostgresTestContext, type PostgresTestContext, truncateAll } from './testing/test-database.js';

const statements: string[] = [];
let db: PostgresTestContext;

beforeAll(async () => {
  db = await openPostgresTestContext({ onQuery: (sql) => statements.push(sql) });
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await truncateAll(db);
});

const seed = async (articleCount: number) => {
  const users = [];
  for (let i = 0; i < 3; i++) users.push((await db.repositories.users.add(aNewUser()))._unsafeUnwrap());
  const [author, reader, fan] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
  await db.repositories.follows.follow(reader.id, author.id);
  for (let i = 0; i < articleCount; i++) {
    const article = (
      await db.repositories.articles.add(
        aNewArticle(anArticleDraft({ tagList: ['a', `t${i}`] }), author.id, new Date(Date.UTC(2026, 0, 1, 0, i))),
      )
    )._unsafeUnwrap();
    await db.repositories.favorites.add(fan.id, article.slug);
  }
  return { author, reader, fan };
};

const countStatements = async (work: () => Promise<unknown>): Promise<number> => {
  const before = statements.length;
  await work();
  return statements.length - before;
};

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

/** The kept period counts that differ from a recount, and how many articles each day holds. */
const periodCounts = async () => ({
  drift: await db.orm.em.fork().execute(PERIOD_COUNT_DRIFT),
  actual: await db.orm.em
    .fork()
    .execute(`select (created_at at time zone 'UTC')::date::text as day, count(*)::int as n from articles group by 1 order by 1`),
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
  it('are the same rows whether they come per followed author or from the newest-first scan', async () => {
    const { reader } = await seed(0);
    // 101 followed authors, one article each, a minute apart; one more by someone not followed.
    await db.orm.em
      .fork()
      .execute(
        `insert into users (username, email, password_hash) select 'author' || g, 'author' || g || '@example.com', '-' from generate_series(1, 102) g`,
      );
    await db.orm.em.fork().execute(
      `insert into articles (slug, title, description, body, author_id, created_at, updated_at)
       select 'by-' || u.username, 'By ' || u.username, 'd', 'b', u.id, t, t
       from users u, lateral (select timestamptz '2026-01-01' + (u.id * 7 % 103) * interval '1 minute' as t) x where u.username like 'author%'`,
    );
    await db.orm.em.fork().execute(`update users set articles_count = 1 where username like 'author%'`);
    await db.orm.em
      .fork()
      .execute(`insert into follows select ${reader.id}, id from users where username like 'author%' and username <> 'author102'`);
    const expected = (
      await db.orm.em
        .fork()
        .execute(
          `select slug from articles a join follows f on f.followee_id = a.author_id and f.follower_id = ${reader.id} order by a.created_at desc, a.id desc`,
        )
    ).map((row) => row.slug);
    // 101 × 100 entries is past the per-author bound: the scan; 101 × 30 is within it.
    const scanned = await db.queries.articles.feed(reader.id, { limit: 100, offset: 0 });
    const perAuthor = await db.queries.articles.feed(reader.id, { limit: 20, offset: 10 });
    expect(scanned.articles.map((article) => article.slug)).toEqual(expected.slice(0, 100));
    expect(perAuthor.articles.map((article) => article.slug)).toEqual(expected.slice(10, 30));
    expect(scanned.articlesCount).toBe(101);
    // Followed page by page, both ways give every article once, in order.
    for (const limit of [100, 20]) {
      const walked: string[] = [];
      let after = undefined as Parameters<typeof db.queries.articles.feed>[1]['after'];
      for (;;) {
        const page = await db.queries.articles.feed(reader.id, { limit, offset: 0, after });
        walked.push(...page.articles.map((article) => article.slug));
        if (page.next === null) break;
        after = page.next;
      }
      expect(walked, `${limit} a page`).toEqual(expected);
    }
  });
});

describe('schema', () => {
  it('matches the records: the committed migrations leave nothing to generate', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});

/** The use cases over these PostgreSQL adapters, with trivial hashing and tokens. */
const useCasesOnPostgres = () =>
  makeUseCases({
    ...db,
    passwordHasher: { hash: async (plain) => plain, verify: async (hash, plain) => hash === plain, needsRehash: () => false },
    tokenIssuer: { lifetimeSeconds: 3600, issue: async (claims) => `token-${claims.userId}-${claims.sessionId}` },
    clock: { now: () => new Date(), wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    suffixes: { next: () => Math.random().toString(36).slice(2, 8) },
  });

describe('concurrency', () => {
  it('keeps favoritesCount exact under parallel favorites and repeats', async () => {
    const { author } = await seed(0);
    const article = (await db.repositories.articles.add(aNewArticle(anArticleDraft(), author.id, new Date())))._unsafeUnwrap();
    const fans = [];
    for (let i = 0; i < 20; i++) fans.push((await db.repositories.users.add(aNewUser()))._unsafeUnwrap());

    // Each fan favorites twice, all at once, each a write of its own.
    await Promise.all(
      [...fans, ...fans].map((fan) =>
        db.unitOfWork.runOneWrite((repositories) => ResultAsync.fromSafePromise(repositories.favorites.add(fan.id, article.slug))),
      ),
    );
    expect((await db.queries.articles.bySlug(article.slug, null))?.favoritesCount).toBe(20);
  });

  it('keeps tag counts exact under parallel writes of articles sharing tags', async () => {
    const { author } = await seed(0);
    // Twenty articles written at once, each in its own transaction, all tagged alike; then half removed.
    const written = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.unitOfWork.run((repositories) =>
          repositories.articles.add(aNewArticle(anArticleDraft({ tagList: ['shared', 'common'] }), author.id, new Date())),
        ),
      ),
    );
    const articles = written.map((result) => result._unsafeUnwrap());
    await Promise.all(
      articles
        .slice(0, 10)
        .map((article) =>
          db.unitOfWork.run((repositories) =>
            ResultAsync.fromSafePromise(repositories.articles.remove(article.id, authorizedForTest('article:delete', article.id))),
          ),
        ),
    );
    const counts = await db.orm.em.fork().execute('select name, articles_count from tags order by name');
    expect(counts).toEqual([
      { name: 'common', articles_count: 10 },
      { name: 'shared', articles_count: 10 },
    ]);
    expect((await db.queries.articles.list({ tag: 'shared' }, { limit: 5, offset: 0 }, null)).articlesCount).toBe(10);
    const days = await periodCounts();
    expect(days.drift).toEqual([]);
    expect(days.actual.map((row) => row.n)).toEqual([10]);
  });

  it('moves only the tags an edit changes, in one statement, exactly under parallel edits', async () => {
    const { author } = await seed(0);
    const articles = [];
    for (let i = 0; i < 10; i++) {
      articles.push(
        (await db.repositories.articles.add(aNewArticle(anArticleDraft({ tagList: ['a', 'b'] }), author.id, new Date())))._unsafeUnwrap(),
      );
    }
    await Promise.all(
      articles.map((article) =>
        db.unitOfWork.run((repositories) =>
          repositories.articles.update({ ...article, tagList: ['b', 'c'] }, authorizedForTest('article:edit', article.id)),
        ),
      ),
    );
    const counts = await db.orm.em.fork().execute('select name, articles_count from tags order by name');
    expect(counts.filter((row) => row.name !== 'a' || row.articles_count !== 0)).toEqual([
      { name: 'b', articles_count: 10 },
      { name: 'c', articles_count: 10 },
    ]);
    expect(await db.queries.tags.all()).toEqual(['b', 'c']);
    const first = articles[0];
    expect((await db.queries.articles.bySlug(first?.slug ?? '', null))?.tagList).toEqual(['b', 'c']);
    if (first === undefined) throw new Error('no article');
    const statementsRun = await countStatements(async () => {
      (
        await db.repositories.articles.update({ ...first, tagList: ['c', 'd'] }, authorizedForTest('article:edit', first.id))
      )._unsafeUnwrap();
    });
    expect(statementsRun).toBe(1);
  });

  it('gives articles with one title written at once a slug each, and counts every one exactly once', async () => {
    const useCases = useCasesOnPostgres();
    const { author } = await seed(0);
    const ctx = { actor: userActor(author.id, 'user'), features: ALL_FEATURES_ON };
    const created = await Promise.all(
      Array.from({ length: 12 }, () =>
        useCases.createArticle(ctx, anArticleDraft({ title: 'Same title', description: 'd', body: 'b', tagList: ['racing', 'same'] })),
      ),
    );
    const slugs = created.map((result) => result._unsafeUnwrap().slug);
    expect(new Set(slugs).size).toBe(12);
    expect(slugs).toContain('same-title');
    const list = await db.queries.articles.list({ author: author.username }, { limit: 20, offset: 0 }, null);
    expect(list.articlesCount).toBe(12);
    expect((await db.queries.articles.list({ tag: 'racing' }, { limit: 1, offset: 0 }, null)).articlesCount).toBe(12);
    const days = await periodCounts();
    expect(days.drift).toEqual([]);
  });

  it('answers 404, never a defect, to favorites and comments racing a delete of their article', async () => {
    const useCases = useCasesOnPostgres();
    const { author } = await seed(0);
    const fans: User[] = [];
    for (let i = 0; i < 10; i++) fans.push((await db.repositories.users.add(aNewUser()))._unsafeUnwrap());
    const ctx = (id: UserId) => ({ actor: userActor(id, 'user'), features: ALL_FEATURES_ON });
    for (let round = 0; round < 5; round++) {
      const article = (await db.repositories.articles.add(aNewArticle(anArticleDraft(), author.id, new Date())))._unsafeUnwrap();
      const outcomes = await Promise.all([
        ...fans.map((fan) => useCases.favoriteArticle(ctx(fan.id), article.slug)),
        ...fans.map((fan) => useCases.addComment(ctx(fan.id), article.slug, aCommentDraft('first!'))),
        useCases.deleteArticle(ctx(author.id), article.slug),
        ...fans.map((fan) => useCases.updateArticle(ctx(author.id), article.slug, articleChanges({ body: `edit by ${fan.id}` }))),
      ]);
      for (const outcome of outcomes) {
        if (outcome.isErr()) expect(outcome.error).toEqual({ type: 'ArticleNotFound', slug: article.slug });
      }
      expect(await db.repositories.articles.findBySlug(article.slug)).toBeNull();
    }
  });

  it('makes a favorite or a comment wait for a delete that holds the article, then finds no article and writes nothing', async () => {
    const { author, fan } = await seed(0);
    const article = (await db.repositories.articles.add(aNewArticle(anArticleDraft(), author.id, new Date())))._unsafeUnwrap();
    let held!: () => void;
    const articleHeld = new Promise<void>((resolve) => (held = resolve));
    const remove = db.unitOfWork.run((repositories) =>
      ResultAsync.fromSafePromise(
        (async () => {
          await repositories.articles.findBySlugForChange(article.slug);
          held();
          await new Promise((resolve) => setTimeout(resolve, 200));
          await repositories.articles.remove(article.id, authorizedForTest('article:delete', article.id));
        })(),
      ),
    );
    await articleHeld;
    const [favorited, commented] = await Promise.all([
      db.unitOfWork.runOneWrite((repositories) => ResultAsync.fromSafePromise(repositories.favorites.add(fan.id, article.slug))),
      db.unitOfWork.runOneWrite((repositories) =>
        ResultAsync.fromSafePromise(repositories.comments.add(article.slug, newComment(aCommentDraft('late'), fan.id, new Date()))),
      ),
    ]);
    expect((await remove).isOk()).toBe(true);
    expect(favorited._unsafeUnwrap()).toBe(false);
    expect(commented._unsafeUnwrap()).toBeNull();
    const left = await db.orm.em
      .fork()
      .execute('select (select count(*) from favorites)::int as favorites, (select count(*) from comments)::int as comments');
    expect(left).toEqual([{ favorites: 0, comments: 0 }]);
  });

  it('refuses a second repository call in a unit of work of one write, as the defect it is', async () => {
    const { author } = await seed(0);
    const work = db.unitOfWork.runOneWrite((repositories) =>
      ResultAsync.fromSafePromise(
        (async () => {
          await repositories.articles.findBySlug('any');
          return repositories.articles.add(aNewArticle(anArticleDraft(), author.id, new Date()));
        })(),
      ),
    );
    await expect(work).rejects.toThrow('A unit of work of one write made a second repository call');
  });

  it('holds an article found for a change, so a delete waits instead of pulling it out from under the write', async () => {
    const { author, fan } = await seed(0);
    const article = (await db.repositories.articles.add(aNewArticle(anArticleDraft(), author.id, new Date())))._unsafeUnwrap();
    let found!: () => void;
    const articleFound = new Promise<void>((resolve) => (found = resolve));
    let deleted = false;
    const write = db.unitOfWork.run((repositories) =>
      ResultAsync.fromSafePromise(
        (async () => {
          const held = await repositories.articles.findBySlugForChange(article.slug);
          found();
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(deleted).toBe(false);
          await repositories.favorites.add(fan.id, (held ?? article).slug);
        })(),
      ),
    );
    await articleFound;
    const remove = db.unitOfWork
      .run((repositories) =>
        ResultAsync.fromSafePromise(repositories.articles.remove(article.id, authorizedForTest('article:delete', article.id))),
      )
      .map(() => (deleted = true));
    expect((await write).isOk()).toBe(true);
    expect((await remove).isOk()).toBe(true);
    const late = await db.unitOfWork.run((repositories) =>
      ResultAsync.fromSafePromise(repositories.articles.findBySlugForChange(article.slug)),
    );
    expect(late._unsafeUnwrap()).toBeNull();
  });
});

describe('transactions PostgreSQL aborts', () => {
  it('runs a unit of work again after a deadlock, so both sides succeed', async () => {
    const { author, fan } = await seed(0);
    // Two transactions take the same two rows in opposite orders: PostgreSQL aborts one of them.
    let bothHoldFirstRow!: () => void;
    let arrived = 0;
    const rendezvous = new Promise<void>((resolve) => (bothHoldFirstRow = resolve));
    let attempts = 0;
    const crossing = (first: typeof author, second: typeof author) =>
      db.unitOfWork.run((repositories) =>
        ResultAsync.fromSafePromise(
          (async () => {
            attempts++;
            (await repositories.users.updateProfile({ ...profileOf(first), bio: `attempt ${attempts}` }))._unsafeUnwrap();
            if (++arrived === 2) bothHoldFirstRow();
            await Promise.race([rendezvous, new Promise((resolve) => setTimeout(resolve, 500))]);
            const saved = await repositories.users.updateProfile({ ...profileOf(second), bio: `attempt ${attempts}` });
            return saved.isOk();
          })(),
        ),
      );
    const outcomes = await Promise.all([crossing(author, fan), crossing(fan, author)]);
    expect(outcomes.map((outcome) => outcome._unsafeUnwrap())).toEqual([true, true]);
    expect(attempts).toBe(3);
  });
});
