import { DEFAULT_TENANT, type Tenant } from '@conduit/domain';
import { aNewArticle, aNewUser, anArticleDraft, aTenantHost, aTenantSlug, authorizedForTest } from '@conduit/domain/testing';
import { ResultAsync } from 'neverthrow';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT_OWNED_TABLES } from './tenants/tenant-isolation.js';
import { openPostgresTestContext, type PostgresTestContext, type TestRole } from './testing/test-database.js';

/*
 * Isolation checked where it is enforced: raw SQL as the role the server runs as, with no
 * application code in between, and the adapters over a pool smaller than the work given to it.
 */

let db: PostgresTestContext;
let raw: pg.Client;
let acme: Tenant;

/** One author with one tagged article, in the tenant in scope. */
const publish = async (username: string) => {
  const author = (await db.repositories.users.add(aNewUser({ username, email: `${username}@example.com` })))._unsafeUnwrap();
  const article = aNewArticle(anArticleDraft({ title: `${username} writes`, tagList: [username] }), author.id, new Date());
  (await db.repositories.articles.add(article))._unsafeUnwrap();
  return author;
};

const errorCode = async (work: Promise<unknown>): Promise<string | undefined> =>
  work.then(
    () => undefined,
    (error: unknown) => String(Reflect.get(Object(error), 'code')),
  );

beforeAll(async () => {
  db = await openPostgresTestContext({ poolSize: 2 });
  const added = (
    await db.tenancy.tenants.add(aTenantSlug('acme'), [aTenantHost('acme.test')], authorizedForTest('tenant:manage', 'acme'))
  )._unsafeUnwrap();
  acme = { id: added.id, slug: added.slug };
  await publish('dora');
  await db.tenancy.runIn(acme, () => publish('alice'));
  raw = new pg.Client({ connectionString: db.url });
  await raw.connect();
});
afterAll(async () => {
  await raw?.end();
  await db?.close();
});

describe('row-level security, as the runtime role', () => {
  it('shows and changes nothing to a statement without a tenant, in any tenant-owned table', async () => {
    for (const table of TENANT_OWNED_TABLES) {
      expect((await raw.query(`select count(*)::int as n from "${table}"`)).rows[0].n, table).toBe(0);
    }
    expect((await raw.query('update users set bio = $1', ['changed'])).rowCount).toBe(0);
    expect((await raw.query('delete from articles')).rowCount).toBe(0);
    // 42501: the new row has no tenant, so no policy admits it.
    expect(await errorCode(raw.query(`insert into tags (name) values ('orphan')`))).toBe('42501');
  });

  it('shows one tenant within a transaction that set it, and nothing again on the same connection after it', async () => {
    await raw.query('begin');
    await raw.query(`select set_config('conduit.tenant', $1, true)`, [String(acme.id)]);
    expect((await raw.query('select username from users')).rows).toEqual([{ username: 'alice' }]);
    expect((await raw.query('select name from tags')).rows).toEqual([{ name: 'alice' }]);
    await raw.query('commit');
    expect((await raw.query('select count(*)::int as n from users')).rows[0].n).toBe(0);
  });

  it('refuses a row written for another tenant, and a change that would move a row to one', async () => {
    await raw.query('begin');
    await raw.query(`select set_config('conduit.tenant', $1, true)`, [String(acme.id)]);
    expect(await errorCode(raw.query(`insert into tags (tenant_id, name) values (${DEFAULT_TENANT.id}, 'planted')`))).toBe('42501');
    await raw.query('rollback');
    await raw.query('begin');
    await raw.query(`select set_config('conduit.tenant', $1, true)`, [String(acme.id)]);
    expect(await errorCode(raw.query(`update users set tenant_id = ${DEFAULT_TENANT.id}`))).toBe('42501');
    await raw.query('rollback');
  });

  it('cannot lift the policies, change the schema, or escape them', async () => {
    const role = (await raw.query('select rolsuper, rolbypassrls from pg_roles where rolname = current_user')).rows[0];
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    expect(await errorCode(raw.query('alter table users disable row level security'))).toBe('42501');
    expect(await errorCode(raw.query('drop policy tenant_isolation on users'))).toBe('42501');
    expect(await errorCode(raw.query('truncate users'))).toBe('42501');
    expect(await errorCode(raw.query('create table stolen (id int)'))).toBe('42501');
    expect(await errorCode(raw.query('delete from mikro_orm_migrations'))).toBe('42501');
    expect(await errorCode(raw.query('set session authorization postgres'))).toBe('42501');
  });
});

/*
 * A test fixture, not production code: every statement the adapters send has its tenant predicates
 * turned into `true` (tenants/tenant-predicates.ts writes them as `"t"."tenant_id" = $n`, MikroORM's
 * filter as `"t"."tenant_id" = 1`), its parameter kept so the values still line up. What is left to
 * keep tenants apart is row-level security, or, as a superuser, nothing.
 */
let stripPredicates = false;
const PREDICATE = /(?:"\w+"\.)?"?tenant_id"? = (\$\d+|\d+)/g;
const send = pg.Client.prototype.query;
Reflect.set(pg.Client.prototype, 'query', function (this: pg.Client, ...args: unknown[]) {
  const [config] = args;
  const text: unknown = typeof config === 'object' && config !== null ? Reflect.get(config, 'text') : undefined;
  if (stripPredicates && typeof text === 'string' && text.includes('tenant_id')) {
    // Changed in place: a statement may be pg's own Query object (tenant-statements.ts), whose methods a copy would lose.
    Reflect.set(
      config as object,
      'text',
      text.replace(PREDICATE, (_, value: string) => (value.startsWith('$') ? `(${value}::int is not null)` : 'true')),
    );
    // A stripped text is a different statement: prepared under a name of its own.
    const name: unknown = Reflect.get(config as object, 'name');
    if (typeof name === 'string') Reflect.set(config as object, 'name', `${name}_stripped`);
  }
  return Reflect.apply(send, this, args);
});

/** 4,000 reads and writes of two tenants at once, over two connections: what any of them saw of the other tenant. */
const interleave = async (context: PostgresTestContext, other: Tenant): Promise<string[]> => {
  const tenants = [DEFAULT_TENANT, other];
  const own = { [DEFAULT_TENANT.id]: 'dora', [other.id]: 'alice' } as Record<number, string>;
  const foreign: string[] = [];
  await Promise.all(
    Array.from({ length: 4000 }, (_, index) => {
      const tenant = tenants[(index * 7919) % 2] as Tenant;
      return context.tenancy.runIn(tenant, async () => {
        const mine = own[tenant.id] as string;
        if (index % 10 === 0) {
          // A transaction (BEGIN … COMMIT on its connection) reads and writes the tenant's rows alone too.
          const seen = await context.unitOfWork.run((repositories) =>
            ResultAsync.fromSafePromise(
              (async () => {
                const author = await repositories.users.findByUsername(mine);
                if (author !== null) await repositories.follows.follow(author.id, author.id);
                return author?.username;
              })(),
            ),
          );
          if (seen._unsafeUnwrap() !== mine) foreign.push(`${tenant.slug}: own author not seen in a transaction`);
        }
        const page = await context.queries.articles.list({}, { limit: 20, offset: 0 }, null);
        for (const article of page.articles)
          if (article.author.username !== mine) foreign.push(`${tenant.slug}: ${article.author.username}`);
        const tags = await context.queries.tags.all();
        if (tags.join() !== mine) foreign.push(`${tenant.slug}: tags ${tags.join()}`);
        const one = await context.queries.articles.bySlug('shared-slug', null);
        if (one?.author.username !== mine) foreign.push(`${tenant.slug}: shared-slug by ${one?.author.username}`);
        return undefined;
      });
    }),
  );
  return foreign;
};

/** A context as `role` holding dora's article in the default tenant and alice's in acme, both also at `shared-slug`. */
const twoTenants = async (role: TestRole) => {
  const context = await openPostgresTestContext({ poolSize: 2, as: role });
  const added = (
    await context.tenancy.tenants.add(aTenantSlug('acme'), [aTenantHost('acme.test')], authorizedForTest('tenant:manage', 'acme'))
  )._unsafeUnwrap();
  const other = { id: added.id, slug: added.slug };
  const publishIn = async (username: string) => {
    const author = (await context.repositories.users.add(aNewUser({ username, email: `${username}@example.com` })))._unsafeUnwrap();
    for (const title of [`${username} writes`, 'shared slug']) {
      const article = aNewArticle(anArticleDraft({ title, tagList: [username] }), author.id, new Date());
      (await context.repositories.articles.add(article))._unsafeUnwrap();
    }
  };
  await publishIn('dora');
  await context.tenancy.runIn(other, () => publishIn('alice'));
  return { context, other };
};

describe('tenants over a shared pool: each wall alone keeps them apart', () => {
  for (const [role, predicates, walls] of [
    ['runtime', true, 'both walls: row-level security and the statements’ tenant predicates'],
    ['superuser', true, 'the tenant predicates alone (row-level security does not hold a superuser)'],
    ['runtime', false, 'row-level security alone (every tenant predicate stripped from the statements)'],
  ] as const) {
    it(`gives every one of 4,000 interleaved reads and writes of two tenants, over two connections, its own rows alone, with ${walls}`, async () => {
      const { context, other } = await twoTenants(role);
      try {
        stripPredicates = !predicates;
        expect(await interleave(context, other)).toEqual([]);
      } finally {
        stripPredicates = false;
        await context.close();
      }
    });
  }

  it('mixes the tenants up with neither wall (a superuser, the predicates stripped): the fixture above removes a real wall', async () => {
    const { context, other } = await twoTenants('superuser');
    try {
      stripPredicates = true;
      expect((await interleave(context, other)).length).toBeGreaterThan(0);
    } finally {
      stripPredicates = false;
      await context.close();
    }
  });
});
