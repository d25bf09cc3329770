import { Kysely, PostgresDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../kysely/database.js';
import { TENANT, tenantPredicates } from './tenant-predicates.js';

/** Kysely compiling for PostgreSQL, never connecting: the statements are only read here. */
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: async () => Promise.reject(new Error('not connected')) }),
}).withPlugin(tenantPredicates);

const compiled = (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
  const { sql, parameters } = query.compile();
  return { sql, tenants: parameters.filter((parameter) => parameter === TENANT).length };
};

describe('tenant predicates', () => {
  it('confines every tenant-owned table a select reads: its FROM in WHERE, its joins in their ON, its subqueries too', () => {
    const query = db
      .selectFrom('articles as a')
      .innerJoin('users as u', 'u.id', 'a.author_id')
      .leftJoin('favorites as f', 'f.article_id', 'a.id')
      .select(['a.slug', 'u.username'])
      .where('a.author_id', 'in', db.selectFrom('users as named').select('named.id').where('named.username', '=', 'jake'));
    const { sql, tenants } = compiled(query);
    expect(tenants).toBe(4);
    expect(sql).toContain('inner join "users" as "u" on "u"."id" = "a"."author_id" and "u"."tenant_id" = $');
    expect(sql).toContain('left join "favorites" as "f" on "f"."article_id" = "a"."id" and "f"."tenant_id" = $');
    expect(sql).toMatch(/where "named"\."username" = \$\d+ and "named"\."tenant_id" = \$\d+\)/);
    expect(sql).toMatch(/and "a"\."tenant_id" = \$\d+$/);
  });

  it('adds a subquery’s predicates once, though Kysely transforms it when embedded and again with its statement', () => {
    const inner = db.selectFrom('tags').select('name');
    const { tenants } = compiled(db.selectFrom(inner.as('t')).selectAll());
    expect(tenants).toBe(1);
  });

  it('keeps a condition of alternatives whole: the tenant holds for each of them', () => {
    const query = db
      .selectFrom('jobs as j')
      .select('j.id')
      .where((eb) => eb.or([eb('j.owner_id', '=', 1), eb('j.status', '=', 'queued')]));
    expect(compiled(query).sql).toBe(
      'select "j"."id" from "jobs" as "j" where ("j"."owner_id" = $1 or "j"."status" = $2) and "j"."tenant_id" = $3',
    );
    const raw = db.selectFrom('jobs as j').select('j.id').where(sql<boolean>`j.owner_id = 1 or true`);
    expect(compiled(raw).sql).toBe('select "j"."id" from "jobs" as "j" where (j.owner_id = 1 or true) and "j"."tenant_id" = $1');
  });

  it('leaves tables no tenant owns alone', () => {
    expect(compiled(db.selectFrom('tenants').select('slug'))).toEqual({ sql: 'select "slug" from "tenants"', tenants: 0 });
  });

  it('confines updates and deletes, with the tables they read', () => {
    const update = compiled(db.updateTable('users').set({ bio: 'x' }).where('id', '=', 1));
    expect(update.sql).toBe('update "users" set "bio" = $1 where "id" = $2 and "users"."tenant_id" = $3');
    const remove = compiled(db.deleteFrom('comments').where('id', '=', 1));
    expect(remove.sql).toBe('delete from "comments" where "id" = $1 and "comments"."tenant_id" = $2');
    expect(compiled(db.deleteFrom('articles')).sql).toBe('delete from "articles" where "articles"."tenant_id" = $1');
  });

  it('names the tenant of every row an insert writes, listed or selected', () => {
    const listed = compiled(
      db.insertInto('follows').values([
        { follower_id: 1, followee_id: 2 },
        { follower_id: 3, followee_id: 4 },
      ]),
    );
    expect(listed).toEqual({
      sql: 'insert into "follows" ("follower_id", "followee_id", "tenant_id") values ($1, $2, $3), ($4, $5, $6)',
      tenants: 2,
    });
    const selected = compiled(
      db
        .insertInto('tags')
        .columns(['name', 'articles_count'])
        .expression(db.selectFrom('article_tags as t').select(['t.tag', 't.article_id'])),
    );
    expect(selected.sql).toBe(
      'insert into "tags" ("name", "articles_count", "tenant_id") select "t"."tag", "t"."article_id", cast($1 as integer) as "tenant_id" from "article_tags" as "t" where "t"."tenant_id" = $2',
    );
  });

  it('refuses an insert whose rows it cannot give their tenant', () => {
    expect(() => db.insertInto('tags').defaultValues().compile()).toThrow(/must list its rows/);
  });
});
