import { makeUseCases } from '@conduit/app';
import { aNewArticle, aNewUser, anArticleDraft } from '@conduit/domain/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { PERIOD_COUNT_DRIFT } from '../article-period-counts.js';
import { openPostgresTestContext, type PostgresTestContext, truncateAll } from './test-database.js';

/**
 * For a test file of PostgreSQL-specific behaviour: one test database for the file, emptied before
 * each test, whose statements are recorded (`countStatements`), and the helpers its tests share.
 * Registers the file's hooks; call it once, at the top of the file.
 */
export const recordedPostgres = () => {
  const statements: string[] = [];
  let context: PostgresTestContext | undefined;
  beforeAll(async () => {
    context = await openPostgresTestContext({ onQuery: (sql) => statements.push(sql) });
  });
  afterAll(async () => {
    await context?.close();
  });
  beforeEach(async () => {
    if (context) await truncateAll(context);
  });
  const db = (): PostgresTestContext => {
    if (context === undefined) throw new Error('recordedPostgres: the database opens in beforeAll');
    return context;
  };

  /** Three users (an author, a reader following them, a fan), and `articleCount` articles by the author, a minute apart, each the fan's favorite. */
  const seed = async (articleCount: number) => {
    const users = [];
    for (let i = 0; i < 3; i++) users.push((await db().repositories.users.add(aNewUser()))._unsafeUnwrap());
    const [author, reader, fan] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    await db().repositories.follows.follow(reader.id, author.id);
    for (let i = 0; i < articleCount; i++) {
      const article = (
        await db().repositories.articles.add(
          aNewArticle(anArticleDraft({ tagList: ['a', `t${i}`] }), author.id, new Date(Date.UTC(2026, 0, 1, 0, i))),
        )
      )._unsafeUnwrap();
      await db().repositories.favorites.add(fan.id, article.slug);
    }
    return { author, reader, fan };
  };

  /** How many statements `work` ran. */
  const countStatements = async (work: () => Promise<unknown>): Promise<number> => {
    const before = statements.length;
    await work();
    return statements.length - before;
  };

  /** The kept period counts that differ from a recount, and how many articles each day holds. */
  const periodCounts = async () => ({
    drift: await db().orm.em.fork().execute(PERIOD_COUNT_DRIFT),
    actual: await db()
      .orm.em.fork()
      .execute(`select (created_at at time zone 'UTC')::date::text as day, count(*)::int as n from articles group by 1 order by 1`),
  });

  /** The use cases over these PostgreSQL adapters, with trivial hashing and tokens. */
  const useCasesOnPostgres = () =>
    makeUseCases({
      ...db(),
      passwordHasher: { hash: async (plain) => plain, verify: async (hash, plain) => hash === plain, needsRehash: () => false },
      tokenIssuer: { lifetimeSeconds: 3600, issue: async (claims) => `token-${claims.userId}-${claims.sessionId}` },
      clock: { now: () => new Date(), wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
      suffixes: { next: () => Math.random().toString(36).slice(2, 8) },
    });

  return { db, seed, countStatements, periodCounts, useCasesOnPostgres };
};
