import { ALL_FEATURES_ON, makeUseCases } from '@conduit/app';
import { anonymous, checkSignUp, type UserActor, userIdempotencyScope } from '@conduit/domain';
import { aCommentDraft, anArticleDraft } from '@conduit/domain/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERIOD_COUNT_DRIFT } from './article-period-counts.js';
import { openPostgresTestContext, type PostgresTestContext } from './testing/test-database.js';

let db: PostgresTestContext;
let sql: pg.Client;

beforeAll(async () => {
  db = await openPostgresTestContext();
  // What the test reads and writes behind the application's back, as the runtime role, for the
  // default tenant (as the test context's adapters run).
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  await sql.query("select set_config('conduit.tenant', '1', false)");
});
afterAll(async () => {
  await sql?.end();
  await db?.close();
});

/** The use cases over PostgreSQL, with trivial hashing and tokens that name their session. */
const useCases = () =>
  makeUseCases({
    ...db,
    passwordHasher: {
      hash: async (plain) => `hash:${plain}`,
      verify: async (hash, plain) => hash === `hash:${plain}`,
      needsRehash: () => false,
    },
    tokenIssuer: { lifetimeSeconds: 3600, issue: async (claims) => JSON.stringify(claims) },
    clock: { now: () => new Date(), wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    suffixes: { next: () => Math.random().toString(36).slice(2, 8) },
  });

/** Every table of the schema and each row as JSON: where a trace of a user would be. */
const everyRow = async (): Promise<{ table: string; row: string }[]> => {
  const { rows: tables } = await sql.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const rows: { table: string; row: string }[] = [];
  for (const { name } of tables) {
    const { rows: found } = await sql.query<{ row: unknown }>(`select row_to_json(t) as row from "${name}" t`);
    for (const { row } of found) rows.push({ table: name, row: JSON.stringify(row) });
  }
  return rows;
};

/** Columns that point at a user: every foreign key to `users`. */
const userReferences = async () =>
  (
    await sql.query<{ table: string; column: string }>(
      `select cl.relname as table, a.attname as column
         from pg_constraint c join pg_class cl on cl.oid = c.conrelid
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.confrelid = 'users'::regclass`,
    )
  ).rows;

const counterDrift = async () =>
  (
    await sql.query(
      `select 'favorites' as counter, a.id::text as key from articles a
         where a.favorites_count <> (select count(*) from favorites f where f.article_id = a.id)
       union all
       select 'tags', t.name from tags t where t.articles_count <> (select count(*) from article_tags x where x.tag = t.name)
       union all
       select 'periods', d.unit || ' ' || d.start || '/' || d.shard from (${PERIOD_COUNT_DRIFT}) d
       union all
       select 'authors', u.username from users u where u.articles_count <> (select count(*) from articles a where a.author_id = u.id)`,
    )
  ).rows;

describe('erasing an account (DELETE /api/user) on PostgreSQL', () => {
  it('leaves nothing of the user in any table, keeps every counter exact, and frees the username and email', async () => {
    const app = useCases();
    const ctx = { actor: anonymous, features: ALL_FEATURES_ON };
    const signUp = async (username: string) =>
      (
        await app.registerUser(ctx, checkSignUp({ username, email: `${username}@erase.example`, password: 'password123' })._unsafeUnwrap())
      )._unsafeUnwrap();
    const actorOf = async (token: string): Promise<UserActor> => (await app.resolveActor(JSON.parse(token)))._unsafeUnwrap().actor;
    const as = (actor: UserActor) => ({ actor, features: ALL_FEATURES_ON });

    const erased = await actorOf((await signUp('erasable')).token);
    const other = await actorOf((await signUp('bystander')).token);
    (await app.loginUser(ctx, { email: 'erasable@erase.example', password: 'password123' }))._unsafeUnwrap();
    const own = [];
    for (let i = 0; i < 5; i++) {
      own.push(
        (
          await app.createArticle(as(erased), anArticleDraft({ title: `Mine ${i}`, tagList: ['shared', `only-mine-${i % 2}`] }))
        )._unsafeUnwrap(),
      );
    }
    const theirs = (await app.createArticle(as(other), anArticleDraft({ title: 'Theirs', tagList: ['shared'] })))._unsafeUnwrap();
    for (const article of [...own.slice(0, 2), theirs]) {
      (await app.favoriteArticle(as(erased), article.slug))._unsafeUnwrap();
      (await app.favoriteArticle(as(other), article.slug))._unsafeUnwrap();
    }
    (await app.addComment(as(erased), theirs.slug, aCommentDraft('a comment of mine')))._unsafeUnwrap();
    (await app.addComment(as(other), own[0]?.slug ?? '', aCommentDraft('a comment on theirs')))._unsafeUnwrap();
    (await app.followUser(as(erased), 'bystander'))._unsafeUnwrap();
    (await app.followUser(as(other), 'erasable'))._unsafeUnwrap();
    await sql.query(
      `insert into idempotency_keys (scope, key, fingerprint, holder, created_at) values ($1, 'k', 'f', gen_random_uuid(), now())`,
      [userIdempotencyScope(erased.userId)],
    );
    await sql.query(
      `insert into jobs (id, type, owner_id, status, received, created_at) values (gen_random_uuid(), 'article-import', $1, 'succeeded', true, now())`,
      [erased.userId],
    );
    const before = await everyRow();
    expect(before.filter(({ row }) => row.includes('erasable')).length).toBeGreaterThan(0);

    expect((await app.eraseAccount(as(erased), { password: 'wrong' }))._unsafeUnwrapErr().type).toBe('WrongPassword');
    (await app.eraseAccount(as(erased), { password: 'password123' }))._unsafeUnwrap();

    // No row names the user, by any foreign key, by name, email or idempotency scope.
    const references = await userReferences();
    expect(references.length).toBeGreaterThanOrEqual(7);
    for (const { table, column } of references) {
      const { rows } = await sql.query(`select 1 from "${table}" where "${column}" = $1`, [erased.userId]);
      expect(rows, `${table}.${column}`).toEqual([]);
    }
    const traces = (await everyRow()).filter(
      ({ row }) => row.includes('erasable') || row.includes(`"${userIdempotencyScope(erased.userId)}"`) || row.includes('Mine '),
    );
    expect(traces).toEqual([]);
    expect(await counterDrift()).toEqual([]);
    // What the bystander made stays, less what hung on the erased user's articles.
    const kept = (await app.getArticle(as(other), theirs.slug))._unsafeUnwrap();
    expect(kept.favoritesCount).toBe(1);
    expect((await app.listComments(as(other), theirs.slug))._unsafeUnwrap()).toEqual([]);
    expect((await app.resolveActor({ userId: erased.userId, sessionId: erased.sessionId! })).isErr()).toBe(true);
    await signUp('erasable');
  });
});
