import { DEFAULT_TENANT, type RunInTenant, type Tenant, type TenantContents, type TenantRepository } from '@conduit/domain';
import {
  aNewArticle,
  aNewUser,
  anArticleDraft,
  aTenantHost,
  aTenantSlug,
  authorizedForTest,
  type FixtureFactory,
} from '@conduit/domain/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueryFixture } from './query-contracts.js';

export type TenantFixture = QueryFixture & {
  readonly tenancy: { readonly tenants: TenantRepository; readonly contents: TenantContents; readonly runIn: RunInTenant };
};

const manage = (slug: string) => authorizedForTest('tenant:manage', slug);

/**
 * Tenants, and what keeps them apart, as every adapter family must: the same username, email and
 * slug in two tenants; nothing of one seen, counted or removed from the other; a purge confined to
 * its tenant. On PostgreSQL this is row-level security at work, on the in-memory adapters a store per tenant.
 */
export const describeTenantContracts = (family: string, factory: FixtureFactory<TenantFixture>) => {
  describe(`tenant contracts: ${family}`, () => {
    let fx: TenantFixture;
    beforeEach(async () => {
      fx = await factory.fresh();
    });
    afterAll(async () => {
      await factory.close?.();
    });

    /** The repository's add, with a slug and hosts the domain's checks made. */
    const add = (slug: string, hosts: string[], allowed: ReturnType<typeof manage>) =>
      fx.tenancy.tenants.add(aTenantSlug(slug), hosts.map(aTenantHost), allowed);
    const addTenant = async (slug: string, hosts: string[] = []): Promise<Tenant> => {
      const added = (await add(slug, hosts, manage(slug)))._unsafeUnwrap();
      return { id: added.id, slug: added.slug };
    };
    const inTenant = <T>(tenant: Tenant, work: () => Promise<T>) => fx.tenancy.runIn(tenant, work);
    /** One author with one tagged article (titled as its slug), in the tenant in scope. */
    const publish = async (username: string, slug: string, at = new Date('2026-01-01T00:00:00Z')) => {
      const author = (await fx.repositories.users.add(aNewUser({ username, email: `${username}@example.com` })))._unsafeUnwrap();
      const article = aNewArticle(anArticleDraft({ title: slug, tagList: ['shared-tag'] }), author.id, at);
      return { author, article: (await fx.repositories.articles.add(article))._unsafeUnwrap() };
    };

    describe('TenantRepository', () => {
      it('holds the default tenant, and adds tenants with their hosts, found by slug', async () => {
        const acme = (await add('acme', ['blog.acme.test', '*.acme.test'], manage('acme')))._unsafeUnwrap();
        expect(acme).toEqual({ id: expect.any(Number), slug: 'acme', hosts: ['*.acme.test', 'blog.acme.test'] });
        expect(await fx.tenancy.tenants.all()).toEqual([{ ...DEFAULT_TENANT, hosts: [] }, acme]);
        expect(await fx.tenancy.tenants.bySlug('acme')).toEqual({ id: acme.id, slug: 'acme' });
        expect(await fx.tenancy.tenants.bySlug('missing')).toBeNull();
      });

      it('refuses a taken slug, and a host that serves another tenant, adding nothing', async () => {
        await addTenant('acme', ['blog.acme.test']);
        expect((await add('acme', [], manage('acme')))._unsafeUnwrapErr()).toEqual({
          type: 'TenantSlugTaken',
          slug: 'acme',
        });
        const taken = await add('globex', ['news.globex.test', 'blog.acme.test'], manage('globex'));
        expect(taken._unsafeUnwrapErr()).toEqual({ type: 'TenantHostTaken', host: 'blog.acme.test' });
        expect((await fx.tenancy.tenants.all()).map((tenant) => tenant.slug)).toEqual(['default', 'acme']);
      });

      it('removes a tenant with its hosts, which another tenant may then take', async () => {
        const acme = await addTenant('acme', ['blog.acme.test']);
        await fx.tenancy.tenants.remove(acme, manage('acme'));
        expect(await fx.tenancy.tenants.bySlug('acme')).toBeNull();
        expect((await add('globex', ['blog.acme.test'], manage('globex'))).isOk()).toBe(true);
      });
    });

    describe('isolation', () => {
      it('keeps the same username, email and slug apart in two tenants, each seeing only its own', async () => {
        const acme = await addTenant('acme');
        const globex = await addTenant('globex');
        const a = await inTenant(acme, () => publish('alice', 'hello'));
        const b = await inTenant(globex, () => publish('alice', 'hello'));

        for (const [tenant, mine] of [
          [acme, a],
          [globex, b],
        ] as const) {
          await inTenant(tenant, async () => {
            expect((await fx.repositories.users.findByUsername('alice'))?.id).toBe(mine.author.id);
            expect((await fx.repositories.users.findByEmail('alice@example.com'))?.id).toBe(mine.author.id);
            expect((await fx.repositories.articles.findBySlug('hello'))?.id).toBe(mine.article.id);
            const page = await fx.queries.articles.list({}, { limit: 20, offset: 0 }, null);
            expect(page.articlesCount).toBe(1);
            expect(page.articles.map((article) => article.author.username)).toEqual(['alice']);
            expect(await fx.queries.tags.all()).toEqual(['shared-tag']);
          });
        }
        // The default tenant has none of it.
        expect(await fx.repositories.users.findByUsername('alice')).toBeNull();
        expect((await fx.queries.articles.list({}, { limit: 20, offset: 0 }, null)).articlesCount).toBe(0);
        expect(await fx.queries.tags.all()).toEqual([]);
      });

      it('answers every read by a name that exists in two tenants with its own tenant’s rows alone', async () => {
        const acme = await addTenant('acme');
        const globex = await addTenant('globex');
        const mine = await inTenant(acme, () => publish('alice', 'hello'));
        await inTenant(globex, async () => {
          const theirs = await publish('alice', 'hello', new Date('2026-02-02T00:00:00Z'));
          await fx.repositories.favorites.add(theirs.author.id, 'hello');
          await fx.repositories.follows.follow(theirs.author.id, theirs.author.id);
        });
        await inTenant(acme, async () => {
          await fx.repositories.favorites.add(mine.author.id, 'hello');
          await fx.repositories.follows.follow(mine.author.id, mine.author.id);
          const page = { limit: 20, offset: 0 };
          for (const filter of [{ author: 'alice' }, { tag: 'shared-tag' }, { favoritedBy: 'alice' }, {}]) {
            const list = await fx.queries.articles.list(filter, page, mine.author.id);
            // Both are `hello` by `alice`: told apart by when each was written.
            expect({ filter, count: list.articlesCount, written: list.articles.map((article) => article.createdAt) }).toEqual({
              filter,
              count: 1,
              written: [mine.article.createdAt],
            });
            expect(list.articles[0]).toMatchObject({ favorited: true, favoritesCount: 1, author: { following: true } });
          }
          const feed = await fx.queries.articles.feed(mine.author.id, page);
          expect([feed.articlesCount, feed.articles.map((article) => article.createdAt)]).toEqual([1, [mine.article.createdAt]]);
          expect((await fx.queries.articles.bySlug('hello', mine.author.id))?.createdAt).toEqual(mine.article.createdAt);
          expect((await fx.queries.profiles.byUsername('alice', mine.author.id))?.following).toBe(true);
        });
      });

      it('finds nothing of another tenant by id either', async () => {
        const acme = await addTenant('acme');
        const { author, article } = await inTenant(acme, () => publish('alice', 'hello'));
        expect(await fx.repositories.users.findById(author.id)).toBeNull();
        expect(await fx.queries.comments.forArticle(article.id, null)).toEqual([]);
        expect(await fx.queries.articles.bySlug('hello', null)).toBeNull();
      });
    });

    describe('TenantContents', () => {
      it('says whether the tenant holds anything, and purges its rows alone', async () => {
        const acme = await addTenant('acme');
        const globex = await addTenant('globex');
        await inTenant(acme, () => publish('alice', 'hello'));
        await inTenant(globex, () => publish('bob', 'hello'));
        expect(await inTenant(acme, () => fx.tenancy.contents.isEmpty())).toBe(false);
        expect(await fx.tenancy.contents.isEmpty()).toBe(true);

        expect(await inTenant(acme, () => fx.tenancy.contents.purge(manage('acme')))).toBeGreaterThan(0);
        expect(await inTenant(acme, () => fx.tenancy.contents.isEmpty())).toBe(true);
        await inTenant(globex, async () => {
          expect(await fx.repositories.users.findByUsername('bob')).not.toBeNull();
          expect((await fx.queries.articles.list({}, { limit: 20, offset: 0 }, null)).articlesCount).toBe(1);
          expect(await fx.queries.tags.all()).toEqual(['shared-tag']);
        });
      });
    });
  });
};
