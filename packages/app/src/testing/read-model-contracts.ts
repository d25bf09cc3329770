import { newComment, setAccountLock, startSession, UNKNOWN_ORIGIN, type UserId } from '@conduit/domain';
import { aCommentDraft, aNewArticle, anArticleDraft, authorizedForTest } from '@conduit/domain/testing';
import { describe, expect, it } from 'vitest';

import { FIRST_PAGE as page, type QueryContractContext } from './query-contract-context.js';

/** The read models beside the article lists: actors, accounts, profiles, comments, tags. */
export const describeReadModelContracts = (contract: QueryContractContext) => {
  describe('ActorQueries', () => {
    it("name a session's user with their role, while the session stands, the user's own, unexpired and unlocked", async () => {
      const user = await contract.addUser({ role: 'admin' });
      const other = await contract.addUser();
      const now = new Date('2026-03-01T12:00:00.000Z');
      const session = await contract.fx.repositories.sessions.add(
        startSession(user.id, UNKNOWN_ORIGIN, new Date('2026-03-01T11:00:00.000Z'), 3600 * 2),
      );
      const claims = { userId: user.id, sessionId: session.id };
      expect(await contract.fx.queries.actors.bySession(claims, now)).toEqual({
        actor: { kind: 'user', userId: user.id, role: 'admin', sessionId: session.id },
        lastSeenAt: session.lastSeenAt,
        self: { username: user.username, bio: user.bio, image: user.image },
      });
      expect(await contract.fx.queries.actors.bySession({ ...claims, userId: other.id }, now)).toBeNull();
      expect(await contract.fx.queries.actors.bySession({ ...claims, userId: (user.id + 1000) as UserId }, now)).toBeNull();
      expect(await contract.fx.queries.actors.bySession(claims, session.expiresAt)).toBeNull();
      const allowed = authorizedForTest('account:lock', user.username);
      await contract.fx.repositories.users.saveLock(setAccountLock(user, { by: 'ops', at: now, reason: 'spam' }, allowed), allowed);
      expect(await contract.fx.queries.actors.bySession(claims, now)).toBeNull();
      await contract.fx.repositories.users.saveLock(setAccountLock(user, null, allowed), allowed);
      expect(await contract.fx.queries.actors.bySession(claims, now)).not.toBeNull();
      await contract.fx.repositories.sessions.end(user.id, session.id);
      expect(await contract.fx.queries.actors.bySession(claims, now)).toBeNull();
    });
  });

  describe('AccountQueries', () => {
    const at = (iso: string) => new Date(iso);
    it("gather a user's comments (with their article's slug), favorites and follows, in order, and nobody else's", async () => {
      const user = await contract.addUser();
      const other = await contract.addUser({ username: 'aaa-first' });
      const third = await contract.addUser({ username: 'zzz-last' });
      const older = (
        await contract.fx.repositories.articles.add(
          aNewArticle(anArticleDraft({ title: 'Older' }), other.id, at('2026-01-01T10:00:00.000Z')),
        )
      )._unsafeUnwrap();
      const newer = (
        await contract.fx.repositories.articles.add(
          aNewArticle(anArticleDraft({ title: 'Newer' }), other.id, at('2026-01-02T10:00:00.000Z')),
        )
      )._unsafeUnwrap();
      await contract.fx.repositories.favorites.add(user.id, newer.slug);
      await contract.fx.repositories.favorites.add(user.id, older.slug);
      await contract.fx.repositories.favorites.add(other.id, newer.slug);
      await contract.fx.repositories.follows.follow(user.id, third.id);
      await contract.fx.repositories.follows.follow(user.id, other.id);
      await contract.fx.repositories.follows.follow(other.id, third.id);
      const second = await contract.commentOn(newer.slug, newComment(aCommentDraft('second'), user.id, at('2026-01-03T10:00:00.000Z')));
      const first = await contract.commentOn(older.slug, newComment(aCommentDraft('first'), user.id, at('2026-01-03T09:00:00.000Z')));
      await contract.fx.repositories.comments.add(
        older.slug,
        newComment(aCommentDraft('theirs'), other.id, at('2026-01-03T08:00:00.000Z')),
      );
      expect(await contract.fx.queries.accounts.activityOf(user.id)).toEqual({
        comments: [
          { id: first.id, article: older.slug, body: 'first', createdAt: at('2026-01-03T09:00:00.000Z') },
          { id: second.id, article: newer.slug, body: 'second', createdAt: at('2026-01-03T10:00:00.000Z') },
        ],
        favorites: [older.slug, newer.slug],
        following: ['aaa-first', 'zzz-last'],
      });
      expect(await contract.fx.queries.accounts.activityOf((user.id + 1000) as UserId)).toEqual({
        comments: [],
        favorites: [],
        following: [],
      });
    });
  });

  describe('ProfileQueries', () => {
    it('shows whether the viewer follows the profile', async () => {
      const viewer = await contract.addUser();
      const author = await contract.addUser({ bio: 'hello' });
      await contract.fx.repositories.follows.follow(viewer.id, author.id);
      expect(await contract.fx.queries.profiles.byUsername(author.username, viewer.id)).toEqual({
        username: author.username,
        bio: 'hello',
        image: null,
        following: true,
      });
      expect((await contract.fx.queries.profiles.byUsername(author.username, null))?.following).toBe(false);
      await contract.fx.repositories.follows.unfollow(viewer.id, author.id);
      expect((await contract.fx.queries.profiles.byUsername(author.username, viewer.id))?.following).toBe(false);
      expect(await contract.fx.queries.profiles.byUsername('nobody', null)).toBeNull();
    });
  });

  describe('CommentQueries', () => {
    it('lists an article’s comments oldest first with their authors as the viewer sees them', async () => {
      const author = await contract.addUser();
      const viewer = await contract.addUser();
      const article = await contract.addArticle(author.id);
      const first = await contract.commentOn(
        article.slug,
        newComment(aCommentDraft('first'), author.id, new Date('2026-02-01T00:00:00.001Z')),
      );
      const second = await contract.commentOn(
        article.slug,
        newComment(aCommentDraft('second'), viewer.id, new Date('2026-02-01T00:00:00.002Z')),
      );
      await contract.fx.repositories.follows.follow(viewer.id, author.id);

      const comments = await contract.fx.queries.comments.forArticle(article.id, viewer.id);
      expect(comments.map((c) => c.id)).toEqual([first.id, second.id]);
      expect(comments[0]).toEqual({
        id: first.id,
        body: 'first',
        createdAt: first.createdAt,
        updatedAt: first.updatedAt,
        author: { username: author.username, bio: null, image: null, following: true },
      });
      expect((await contract.fx.queries.comments.byId(second.id, null))?.body).toBe('second');
      expect(await contract.fx.queries.comments.byId((first.id + second.id + 100_000) as never, null)).toBeNull();
    });
  });

  describe('TagQueries', () => {
    it('lists every tag in use, most used first', async () => {
      const author = await contract.addUser();
      await contract.addArticle(author.id, { tagList: ['rare', 'common'] });
      await contract.addArticle(author.id, { tagList: ['common', 'mid'] });
      await contract.addArticle(author.id, { tagList: ['common', 'mid'] });
      expect(await contract.fx.queries.tags.all()).toEqual(['common', 'mid', 'rare']);
    });

    it('follows tag edits and deletions at once, dropping tags no article uses', async () => {
      const author = await contract.addUser();
      const first = await contract.addArticle(author.id, { tagList: ['a', 'b'] });
      const second = await contract.addArticle(author.id, { tagList: ['b', 'c'] });
      expect(await contract.fx.queries.tags.all()).toEqual(['b', 'a', 'c']);
      (
        await contract.fx.repositories.articles.update(
          { ...second, tagList: ['a', 'c', 'd'] },
          authorizedForTest('article:edit', second.id),
        )
      )._unsafeUnwrap();
      expect(await contract.fx.queries.tags.all()).toEqual(['a', 'b', 'c', 'd']);
      await contract.fx.repositories.articles.remove(first.id, authorizedForTest('article:delete', first.id));
      expect(await contract.fx.queries.tags.all()).toEqual(['a', 'c', 'd']);
      const filtered = await contract.fx.queries.articles.list({ tag: 'a' }, page, null);
      expect(filtered.articlesCount).toBe(1);
      expect(filtered.articles.map((article) => article.slug)).toEqual([second.slug]);
    });
  });
};
