import type { Article, Comment, NewArticle, NewComment, User, UserId } from '@conduit/domain';
import { aNewArticle, aNewUser, anArticleDraft, authorizedForTest, type FixtureFactory } from '@conduit/domain/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticlePage, ArticlePosition } from '../read-models/article-view.js';
import type { PageRequest } from '../read-models/queries.js';
import { describeFavoriteQueryContracts } from './favorite-query-contracts.js';
import { FIRST_PAGE as page, type QueryContractContext, type QueryFixture } from './query-contract-context.js';
import { describeReadModelContracts } from './read-model-contracts.js';

export type { QueryFixture } from './query-contract-context.js';

/** The read models every adapter family must answer alike (see describeRepositoryContracts). */
export const describeQueryContracts = (family: string, factory: FixtureFactory<QueryFixture>) => {
  describe(`query contracts: ${family}`, () => {
    let fx: QueryFixture;
    let minute = 0;
    beforeEach(async () => {
      fx = await factory.fresh();
      minute = 0;
    });
    afterAll(async () => {
      await factory.close?.();
    });

    const addUser = async (overrides = {}): Promise<User> => (await fx.repositories.users.add(aNewUser(overrides)))._unsafeUnwrap();
    /** A comment on the article with `slug`, which the test has just stored. */
    const commentOn = async (slug: string, comment: NewComment): Promise<Comment> => {
      const stored = await fx.repositories.comments.add(slug, comment);
      if (stored === null) throw new Error(`no article ${slug} to comment on`);
      return stored;
    };
    /** Each article is one minute newer than the previous one. */
    const addArticle = async (authorId: UserId, overrides: Partial<NewArticle> = {}): Promise<Article> => {
      minute += 1;
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, minute, 0, 123));
      return (await fx.repositories.articles.add({ ...aNewArticle(anArticleDraft(), authorId, createdAt), ...overrides }))._unsafeUnwrap();
    };

    describe('ArticleQueries', () => {
      it('shows one article with body, tags, counts and author as the viewer sees them', async () => {
        const author = await addUser({ bio: 'bio', image: 'https://example.com/i.png' });
        const viewer = await addUser();
        const article = await addArticle(author.id, { tagList: ['dragons', 'training'] });
        await fx.repositories.favorites.add(viewer.id, article.slug);
        await fx.repositories.follows.follow(viewer.id, author.id);

        expect(await fx.queries.articles.bySlug(article.slug, viewer.id)).toEqual({
          slug: article.slug,
          title: article.title,
          description: article.description,
          body: article.body,
          tagList: ['dragons', 'training'],
          createdAt: article.createdAt,
          updatedAt: article.updatedAt,
          favorited: true,
          favoritesCount: 1,
          author: { username: author.username, bio: 'bio', image: 'https://example.com/i.png', following: true },
        });
        const anonymous = await fx.queries.articles.bySlug(article.slug, null);
        expect(anonymous?.favorited).toBe(false);
        expect(anonymous?.author.following).toBe(false);
        expect(await fx.queries.articles.bySlug('missing', null)).toBeNull();
      });

      it('lists newest first without bodies, counting every match rather than the page', async () => {
        const author = await addUser();
        const articles = [];
        for (let i = 0; i < 5; i++) articles.push(await addArticle(author.id));
        const result = await fx.queries.articles.list({}, { limit: 2, offset: 1 }, null);
        expect(result.articlesCount).toBe(5);
        expect(result.articles.map((a) => a.slug)).toEqual([articles[3]?.slug, articles[2]?.slug]);
        expect(result.articles[0]).not.toHaveProperty('body');
        expect((await fx.queries.articles.list({}, { limit: 2, offset: 10 }, null)).articles).toEqual([]);
        expect((await fx.queries.articles.list({}, { limit: 2, offset: 10 }, null)).articlesCount).toBe(5);
      });

      it('combines the tag, author and favorited filters', async () => {
        const jake = await addUser();
        const ann = await addUser();
        const jakesDragons = await addArticle(jake.id, { tagList: ['dragons'] });
        await addArticle(jake.id, { tagList: ['other'] });
        const annsDragons = await addArticle(ann.id, { tagList: ['dragons'] });
        await fx.repositories.favorites.add(ann.id, jakesDragons.slug);

        const slugs = async (filter: object) => (await fx.queries.articles.list(filter, page, null)).articles.map((a) => a.slug);
        expect(await slugs({ tag: 'dragons' })).toEqual([annsDragons.slug, jakesDragons.slug]);
        expect(await slugs({ tag: 'dragons', author: jake.username })).toEqual([jakesDragons.slug]);
        expect(await slugs({ favoritedBy: ann.username })).toEqual([jakesDragons.slug]);
        expect(await slugs({ favoritedBy: ann.username, tag: 'other' })).toEqual([]);
        expect(await slugs({ author: 'nobody' })).toEqual([]);
        expect(await slugs({ favoritedBy: 'nobody' })).toEqual([]);
      });

      it('feeds only articles of followed authors, with the same paging', async () => {
        const reader = await addUser();
        const followed = await addUser();
        const stranger = await addUser();
        const first = await addArticle(followed.id);
        await addArticle(stranger.id);
        const second = await addArticle(followed.id);
        await fx.repositories.follows.follow(reader.id, followed.id);

        const feed = await fx.queries.articles.feed(reader.id, page);
        expect(feed.articlesCount).toBe(2);
        expect(feed.articles.map((a) => a.slug)).toEqual([second.slug, first.slug]);
        expect(feed.articles[0]?.author.following).toBe(true);
        expect((await fx.queries.articles.feed(stranger.id, page)).articlesCount).toBe(0);
        await fx.repositories.articles.remove(first.id, authorizedForTest('article:delete', first.id));
        expect((await fx.queries.articles.feed(reader.id, page)).articlesCount).toBe(1);
      });

      it('pages by position: following `next` walks every filter in the order offsets give, ties broken by id, unshifted by new articles', async () => {
        const reader = await addUser();
        const jake = await addUser();
        const ann = await addUser();
        await fx.repositories.follows.follow(reader.id, jake.id);
        await fx.repositories.follows.follow(reader.id, ann.id);
        const same = new Date(Date.UTC(2026, 0, 1, 12, 0, 0, 0));
        for (let i = 0; i < 7; i++) {
          // Three pairs share a creation time: the id orders them.
          const article = await addArticle(i % 2 === 0 ? jake.id : ann.id, {
            tagList: ['dragons'],
            ...(i < 6 ? { createdAt: new Date(same.getTime() + Math.floor(i / 2) * 1000) } : {}),
          });
          await fx.repositories.favorites.add(reader.id, article.slug);
        }
        const reads: Record<string, (request: PageRequest) => Promise<ArticlePage>> = {
          all: (request) => fx.queries.articles.list({}, request, reader.id),
          tag: (request) => fx.queries.articles.list({ tag: 'dragons' }, request, null),
          author: (request) => fx.queries.articles.list({ author: jake.username }, request, null),
          favorited: (request) => fx.queries.articles.list({ favoritedBy: reader.username }, request, null),
          combined: (request) => fx.queries.articles.list({ tag: 'dragons', author: ann.username }, request, null),
          feed: (request) => fx.queries.articles.feed(reader.id, request),
        };
        for (const [name, read] of Object.entries(reads)) {
          const everything = (await read({ limit: 100, offset: 0 })).articles.map((a) => a.slug);
          expect(everything.length, name).toBeGreaterThan(2);
          for (const limit of [1, 2, 3]) {
            const walked: string[] = [];
            let after: ArticlePosition | undefined;
            let pages = 0;
            for (;;) {
              const current = await read({ limit, offset: 0, after });
              pages += 1;
              walked.push(...current.articles.map((a) => a.slug));
              expect(current.articlesCount, name).toBe(everything.length);
              if (current.next === null) break;
              after = current.next;
            }
            expect(walked, `${name}, ${limit} a page`).toEqual(everything);
            // The last page says so even when it is full: no empty page to fetch.
            expect(pages, `${name}, ${limit} a page`).toBe(Math.ceil(everything.length / limit));
          }
          const first = await read({ limit: 2, offset: 0 });
          expect(first.next, name).not.toBeNull();
          // offset counts from the position.
          const skipped = await read({ limit: 2, offset: 1, after: first.next ?? undefined });
          expect(
            skipped.articles.map((a) => a.slug),
            name,
          ).toEqual(everything.slice(3, 5));
        }

        // A new article on top does not shift the pages after a position, as it shifts offsets.
        const first = await reads.all?.({ limit: 3, offset: 0 });
        const newer = await addArticle(jake.id, { tagList: ['dragons'], createdAt: new Date(same.getTime() + 3_600_000) });
        const after = await reads.all?.({ limit: 3, offset: 0, after: first?.next ?? undefined });
        const byOffset = await reads.all?.({ limit: 3, offset: 3 });
        expect(after?.articles.map((a) => a.slug)).not.toContain(newer.slug);
        expect(byOffset?.articles[0]?.slug).toBe(first?.articles[2]?.slug);
        // A position whose article is gone still says where to start.
        const third = first?.articles[2]?.slug ?? '';
        const removed = await fx.repositories.articles.findBySlug(third);
        if (removed !== null) await fx.repositories.articles.remove(removed.id, authorizedForTest('article:delete', removed.id));
        expect((await reads.all?.({ limit: 3, offset: 0, after: first?.next ?? undefined }))?.articles).toEqual(after?.articles);
      });
    });

    const context: QueryContractContext = {
      get fx() {
        return fx;
      },
      addUser,
      commentOn,
      addArticle,
    };
    describeFavoriteQueryContracts(context);
    describeReadModelContracts(context);
  });
};
