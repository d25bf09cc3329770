import { ALL_FEATURES_ON } from '@conduit/app';
import { newComment, profileOf, type User, type UserId, userActor } from '@conduit/domain';
import { aCommentDraft, aNewArticle, aNewUser, anArticleDraft, articleChanges, authorizedForTest } from '@conduit/domain/testing';
import { ResultAsync } from 'neverthrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordedPostgres } from './testing/recorded-postgres.js';
import type { PostgresTestContext } from './testing/test-database.js';

const postgres = recordedPostgres();
let db: PostgresTestContext;
beforeAll(() => {
  db = postgres.db();
});
const { seed, countStatements, periodCounts, useCasesOnPostgres } = postgres;

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
