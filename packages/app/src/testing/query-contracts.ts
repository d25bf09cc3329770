import {
  type Article,
  type Comment,
  type NewArticle,
  type NewComment,
  newComment,
  setAccountLock,
  startSession,
  UNKNOWN_ORIGIN,
  type User,
  type UserId,
} from '@conduit/domain';
import {
  aCommentDraft,
  aNewArticle,
  aNewUser,
  anArticleDraft,
  authorizedForTest,
  type FixtureFactory,
  type PersistenceFixture,
} from '@conduit/domain/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticlePage, ArticlePosition } from '../read-models/article-view.js';
import type { PageRequest, Queries } from '../read-models/queries.js';

export type QueryFixture = PersistenceFixture & { readonly queries: Queries };

const page = { limit: 20, offset: 0 };

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

      it('counts favorites exactly and drops them with unfavorite', async () => {
        const author = await addUser();
        const fans = await Promise.all([addUser(), addUser(), addUser()]);
        const article = await addArticle(author.id);
        for (const fan of fans) expect(await fx.repositories.favorites.add(fan.id, article.slug)).toBe(true);
        expect(await fx.repositories.favorites.add(fans[0]!.id, article.slug)).toBe(true);
        expect((await fx.queries.articles.bySlug(article.slug, null))?.favoritesCount).toBe(3);
        expect(await fx.repositories.favorites.remove(fans[0]!.id, article.slug)).toBe(true);
        expect(await fx.repositories.favorites.remove(fans[0]!.id, article.slug)).toBe(true);
        expect((await fx.queries.articles.bySlug(article.slug, fans[0]!.id))?.favorited).toBe(false);
        expect((await fx.queries.articles.bySlug(article.slug, null))?.favoritesCount).toBe(2);
      });
      it('favorites nothing on a slug no article has', async () => {
        const fan = await addUser();
        expect(await fx.repositories.favorites.add(fan.id, 'no-such-article')).toBe(false);
        expect(await fx.repositories.favorites.remove(fan.id, 'no-such-article')).toBe(false);
        expect((await fx.queries.articles.list({ favoritedBy: fan.username }, { limit: 10, offset: 0 }, null)).articles).toEqual([]);
      });
      it('takes favorites and follows idempotently in both directions', async () => {
        const reader = await addUser();
        const author = await addUser();
        const article = await addArticle(author.id);
        const seen = async () => {
          const view = await fx.queries.articles.bySlug(article.slug, reader.id);
          return { favorited: view?.favorited, favoritesCount: view?.favoritesCount, following: view?.author.following };
        };
        for (const time of ['once', 'twice']) {
          await fx.repositories.follows.follow(reader.id, author.id);
          await fx.repositories.favorites.add(reader.id, article.slug);
          expect(await seen(), `after following and favoriting ${time}`).toEqual({ favorited: true, favoritesCount: 1, following: true });
        }
        expect((await fx.queries.articles.feed(reader.id, page)).articlesCount).toBe(1);
        for (const time of ['once', 'twice']) {
          await fx.repositories.follows.unfollow(reader.id, author.id);
          await fx.repositories.favorites.remove(reader.id, article.slug);
          expect(await seen(), `after undoing ${time}`).toEqual({ favorited: false, favoritesCount: 0, following: false });
        }
        expect((await fx.queries.articles.feed(reader.id, page)).articlesCount).toBe(0);
      });

      it('drops the favorites of a removed article', async () => {
        const author = await addUser();
        const fan = await addUser();
        const article = await addArticle(author.id);
        const kept = await addArticle(author.id);
        await fx.repositories.favorites.add(fan.id, article.slug);
        await fx.repositories.favorites.add(fan.id, kept.slug);
        await fx.repositories.articles.remove(article.id, authorizedForTest('article:delete', article.id));
        const favorites = await fx.queries.articles.list({ favoritedBy: fan.username }, page, null);
        expect(favorites.articles.map((a) => a.slug)).toEqual([kept.slug]);
        expect(favorites.articlesCount).toBe(1);
      });

      it('exports every article oldest first, a page at a time after a cursor, with the tag and author filters', async () => {
        const jake = await addUser();
        const anna = await addUser();
        const written = [];
        for (let i = 0; i < 5; i++) written.push(await addArticle(i % 2 === 0 ? jake.id : anna.id, { tagList: i < 3 ? ['early'] : [] }));
        const first = await fx.queries.articles.exportPage({}, null, 2);
        expect(first.map((a) => a.title)).toEqual([written[0]?.title, written[1]?.title]);
        expect(first[0]).toMatchObject({
          description: written[0]?.description,
          body: written[0]?.body,
          tagList: ['early'],
          author: jake.username,
        });
        expect(first[0]?.createdAt).toEqual(written[0]?.createdAt);
        const rest = await fx.queries.articles.exportPage({}, first[1]?.cursor ?? null, 10);
        expect(rest.map((a) => a.title)).toEqual(written.slice(2).map((a) => a.title));
        expect(await fx.queries.articles.exportPage({}, rest[2]?.cursor ?? null, 10)).toEqual([]);
        const jakes = await fx.queries.articles.exportPage({ author: jake.username }, null, 10);
        expect(jakes.map((a) => a.title)).toEqual([written[0], written[2], written[4]].map((a) => a?.title));
        const earlyOfAnna = await fx.queries.articles.exportPage({ tag: 'early', author: anna.username }, null, 10);
        expect(earlyOfAnna.map((a) => a.title)).toEqual([written[1]?.title]);
        expect(await fx.queries.articles.exportPage({ author: 'nobody' }, null, 10)).toEqual([]);
      });
    });

    describe('ActorQueries', () => {
      it("name a session's user with their role, while the session stands, the user's own, unexpired and unlocked", async () => {
        const user = await addUser({ role: 'admin' });
        const other = await addUser();
        const now = new Date('2026-03-01T12:00:00.000Z');
        const session = await fx.repositories.sessions.add(
          startSession(user.id, UNKNOWN_ORIGIN, new Date('2026-03-01T11:00:00.000Z'), 3600 * 2),
        );
        const claims = { userId: user.id, sessionId: session.id };
        expect(await fx.queries.actors.bySession(claims, now)).toEqual({
          actor: { kind: 'user', userId: user.id, role: 'admin', sessionId: session.id },
          lastSeenAt: session.lastSeenAt,
          self: { username: user.username, bio: user.bio, image: user.image },
        });
        expect(await fx.queries.actors.bySession({ ...claims, userId: other.id }, now)).toBeNull();
        expect(await fx.queries.actors.bySession({ ...claims, userId: (user.id + 1000) as UserId }, now)).toBeNull();
        expect(await fx.queries.actors.bySession(claims, session.expiresAt)).toBeNull();
        const allowed = authorizedForTest('account:lock', user.username);
        await fx.repositories.users.saveLock(setAccountLock(user, { by: 'ops', at: now, reason: 'spam' }, allowed), allowed);
        expect(await fx.queries.actors.bySession(claims, now)).toBeNull();
        await fx.repositories.users.saveLock(setAccountLock(user, null, allowed), allowed);
        expect(await fx.queries.actors.bySession(claims, now)).not.toBeNull();
        await fx.repositories.sessions.end(user.id, session.id);
        expect(await fx.queries.actors.bySession(claims, now)).toBeNull();
      });
    });

    describe('AccountQueries', () => {
      const at = (iso: string) => new Date(iso);
      it("gather a user's comments (with their article's slug), favorites and follows, in order, and nobody else's", async () => {
        const user = await addUser();
        const other = await addUser({ username: 'aaa-first' });
        const third = await addUser({ username: 'zzz-last' });
        const older = (
          await fx.repositories.articles.add(aNewArticle(anArticleDraft({ title: 'Older' }), other.id, at('2026-01-01T10:00:00.000Z')))
        )._unsafeUnwrap();
        const newer = (
          await fx.repositories.articles.add(aNewArticle(anArticleDraft({ title: 'Newer' }), other.id, at('2026-01-02T10:00:00.000Z')))
        )._unsafeUnwrap();
        await fx.repositories.favorites.add(user.id, newer.slug);
        await fx.repositories.favorites.add(user.id, older.slug);
        await fx.repositories.favorites.add(other.id, newer.slug);
        await fx.repositories.follows.follow(user.id, third.id);
        await fx.repositories.follows.follow(user.id, other.id);
        await fx.repositories.follows.follow(other.id, third.id);
        const second = await commentOn(newer.slug, newComment(aCommentDraft('second'), user.id, at('2026-01-03T10:00:00.000Z')));
        const first = await commentOn(older.slug, newComment(aCommentDraft('first'), user.id, at('2026-01-03T09:00:00.000Z')));
        await fx.repositories.comments.add(older.slug, newComment(aCommentDraft('theirs'), other.id, at('2026-01-03T08:00:00.000Z')));
        expect(await fx.queries.accounts.activityOf(user.id)).toEqual({
          comments: [
            { id: first.id, article: older.slug, body: 'first', createdAt: at('2026-01-03T09:00:00.000Z') },
            { id: second.id, article: newer.slug, body: 'second', createdAt: at('2026-01-03T10:00:00.000Z') },
          ],
          favorites: [older.slug, newer.slug],
          following: ['aaa-first', 'zzz-last'],
        });
        expect(await fx.queries.accounts.activityOf((user.id + 1000) as UserId)).toEqual({ comments: [], favorites: [], following: [] });
      });
    });

    describe('ProfileQueries', () => {
      it('shows whether the viewer follows the profile', async () => {
        const viewer = await addUser();
        const author = await addUser({ bio: 'hello' });
        await fx.repositories.follows.follow(viewer.id, author.id);
        expect(await fx.queries.profiles.byUsername(author.username, viewer.id)).toEqual({
          username: author.username,
          bio: 'hello',
          image: null,
          following: true,
        });
        expect((await fx.queries.profiles.byUsername(author.username, null))?.following).toBe(false);
        await fx.repositories.follows.unfollow(viewer.id, author.id);
        expect((await fx.queries.profiles.byUsername(author.username, viewer.id))?.following).toBe(false);
        expect(await fx.queries.profiles.byUsername('nobody', null)).toBeNull();
      });
    });

    describe('CommentQueries', () => {
      it('lists an article’s comments oldest first with their authors as the viewer sees them', async () => {
        const author = await addUser();
        const viewer = await addUser();
        const article = await addArticle(author.id);
        const first = await commentOn(article.slug, newComment(aCommentDraft('first'), author.id, new Date('2026-02-01T00:00:00.001Z')));
        const second = await commentOn(article.slug, newComment(aCommentDraft('second'), viewer.id, new Date('2026-02-01T00:00:00.002Z')));
        await fx.repositories.follows.follow(viewer.id, author.id);

        const comments = await fx.queries.comments.forArticle(article.id, viewer.id);
        expect(comments.map((c) => c.id)).toEqual([first.id, second.id]);
        expect(comments[0]).toEqual({
          id: first.id,
          body: 'first',
          createdAt: first.createdAt,
          updatedAt: first.updatedAt,
          author: { username: author.username, bio: null, image: null, following: true },
        });
        expect((await fx.queries.comments.byId(second.id, null))?.body).toBe('second');
        expect(await fx.queries.comments.byId((first.id + second.id + 100_000) as never, null)).toBeNull();
      });
    });

    describe('TagQueries', () => {
      it('lists every tag in use, most used first', async () => {
        const author = await addUser();
        await addArticle(author.id, { tagList: ['rare', 'common'] });
        await addArticle(author.id, { tagList: ['common', 'mid'] });
        await addArticle(author.id, { tagList: ['common', 'mid'] });
        expect(await fx.queries.tags.all()).toEqual(['common', 'mid', 'rare']);
      });

      it('follows tag edits and deletions at once, dropping tags no article uses', async () => {
        const author = await addUser();
        const first = await addArticle(author.id, { tagList: ['a', 'b'] });
        const second = await addArticle(author.id, { tagList: ['b', 'c'] });
        expect(await fx.queries.tags.all()).toEqual(['b', 'a', 'c']);
        (
          await fx.repositories.articles.update({ ...second, tagList: ['a', 'c', 'd'] }, authorizedForTest('article:edit', second.id))
        )._unsafeUnwrap();
        expect(await fx.queries.tags.all()).toEqual(['a', 'b', 'c', 'd']);
        await fx.repositories.articles.remove(first.id, authorizedForTest('article:delete', first.id));
        expect(await fx.queries.tags.all()).toEqual(['a', 'c', 'd']);
        const filtered = await fx.queries.articles.list({ tag: 'a' }, page, null);
        expect(filtered.articlesCount).toBe(1);
        expect(filtered.articles.map((article) => article.slug)).toEqual([second.slug]);
      });
    });
  });
};
