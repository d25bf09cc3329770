import { ResultAsync } from 'neverthrow';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewArticle } from '../articles/article.js';
import { type Comment, type NewComment, newComment } from '../comments/comment.js';
import type { UserId } from '../shared/ids.js';
import { type NewUser, profileOf, type User } from '../users/user.js';
import { authorizedForTest } from './authorized.js';
import { aCommentDraft, aNewArticle, aNewUser, anArticleDraft } from './builders.js';
import type { ContractContext } from './contract-context.js';
import { describeFlagContracts } from './flag-contracts.js';
import { describeJobContracts } from './job-contracts.js';
import type { FixtureFactory, PersistenceFixture } from './persistence-fixture.js';
import { describeSessionContracts } from './session-contracts.js';
import { describeUnitOfWorkContracts } from './unit-of-work-contracts.js';

const at = (iso: string) => new Date(iso);

/**
 * The behaviour every adapter family must share. Run against the in-memory adapters and against
 * PostgreSQL, so the fakes used by unit tests cannot drift from the real thing.
 */
export const describeRepositoryContracts = (family: string, factory: FixtureFactory<PersistenceFixture>) => {
  describe(`repository contracts: ${family}`, () => {
    let fx: PersistenceFixture;
    beforeEach(async () => {
      fx = await factory.fresh();
    });
    afterAll(async () => {
      await factory.close?.();
    });

    const addUser = async (overrides: Partial<NewUser> = {}): Promise<User> =>
      (await fx.repositories.users.add(aNewUser(overrides)))._unsafeUnwrap();
    /** A comment on the article with `slug`, which the test has just stored. */
    const commentOn = async (slug: string, comment: NewComment): Promise<Comment> => {
      const stored = await fx.repositories.comments.add(slug, comment);
      if (stored === null) throw new Error(`no article ${slug} to comment on`);
      return stored;
    };
    const articleBy = (authorId: UserId, overrides: Partial<NewArticle> = {}): NewArticle => ({
      ...aNewArticle(anArticleDraft(), authorId, at('2026-01-01T10:00:00.123Z')),
      ...overrides,
    });

    const context: ContractContext = {
      get fx() {
        return fx;
      },
      addUser,
      commentOn,
      articleBy,
    };

    describe('UserRepository', () => {
      it('finds a stored user by id, email and username', async () => {
        const user = await addUser({ bio: 'I work at statefarm', image: 'https://example.com/a.png' });
        expect(await fx.repositories.users.findById(user.id)).toEqual(user);
        expect(await fx.repositories.users.findByEmail(user.email)).toEqual(user);
        expect(await fx.repositories.users.findByUsername(user.username)).toEqual(user);
      });

      it('returns null for unknown users', async () => {
        expect(await fx.repositories.users.findByUsername('nobody')).toBeNull();
        expect(await fx.repositories.users.findByEmail('nobody@example.com')).toBeNull();
      });

      it('refuses a taken username or email, naming the field', async () => {
        const user = await addUser();
        const sameName = await fx.repositories.users.add(aNewUser({ username: user.username }));
        expect(sameName._unsafeUnwrapErr()).toEqual({ type: 'UsernameTaken', username: user.username });
        const sameEmail = await fx.repositories.users.add(aNewUser({ email: user.email }));
        expect(sameEmail._unsafeUnwrapErr()).toEqual({ type: 'EmailTaken', email: user.email });
      });

      it('updates every field, keeping uniqueness against others but not against itself', async () => {
        const user = await addUser();
        const other = await addUser();
        const changed: User = {
          ...user,
          bio: 'new bio',
          image: null,
          passwordHash: 'other-hash',
          role: 'admin',
          roleAssignment: { by: 'ops@example.com', at: at('2026-03-01T00:00:00.123Z') },
          lock: { by: 'ops@example.com', at: at('2026-03-02T00:00:00.456Z'), reason: 'spam' },
        };
        // A profile update never writes the role or the lock: each takes its policy's proof.
        const profileOnly = { ...changed, role: user.role, roleAssignment: user.roleAssignment, lock: null };
        expect((await fx.repositories.users.updateProfile(profileOf(changed)))._unsafeUnwrap()).toEqual(profileOnly);
        expect(await fx.repositories.users.findById(user.id)).toEqual(profileOnly);
        await fx.repositories.users.saveRole(changed, authorizedForTest('role:assign', changed.username));
        expect(await fx.repositories.users.findById(user.id)).toEqual({ ...changed, lock: null });
        await fx.repositories.users.saveLock(changed, authorizedForTest('account:lock', changed.username));
        expect(await fx.repositories.users.findById(user.id)).toEqual(changed);
        await expect(fx.repositories.users.saveLock(changed, authorizedForTest('account:lock', 'someone-else'))).rejects.toThrow(
          /account:lock/,
        );
        await expect(fx.repositories.users.saveRole(changed, authorizedForTest('role:assign', 'someone-else'))).rejects.toThrow(
          /role:assign/,
        );
        // Read and changed in one unit of work, as a use case does: the answer is the new profile.
        const inOneUnit = await fx.unitOfWork.run((repositories) =>
          ResultAsync.fromSafePromise(repositories.users.findById(user.id)).andThen((current) =>
            repositories.users.updateProfile({ ...profileOf(current ?? user), bio: 'read, then changed' }),
          ),
        );
        expect(inOneUnit._unsafeUnwrap().bio).toBe('read, then changed');
        const clash = await fx.repositories.users.updateProfile({ ...profileOf(user), email: other.email });
        expect(clash._unsafeUnwrapErr().type).toBe('EmailTaken');
      });
    });

    describe('ArticleRepository', () => {
      it('stores an article with its tags and finds it by slug', async () => {
        const author = await addUser();
        const stored = (await fx.repositories.articles.add(articleBy(author.id, { tagList: ['a', 'b'] })))._unsafeUnwrap();
        expect(await fx.repositories.articles.findBySlug(stored.slug)).toEqual(stored);
        expect(await fx.repositories.articles.findBySlug('missing')).toBeNull();
      });

      it('refuses a slug that is taken', async () => {
        const author = await addUser();
        (await fx.repositories.articles.add(articleBy(author.id, { slug: 'same' })))._unsafeUnwrap();
        const second = await fx.repositories.articles.add(articleBy(author.id, { slug: 'same' }));
        expect(second._unsafeUnwrapErr()).toEqual({ type: 'SlugTaken', slug: 'same' });
      });

      it('stores under the fallback slug only when its own is taken, and refuses when both are', async () => {
        const author = await addUser();
        const free = (
          await fx.repositories.articles.add(articleBy(author.id, { slug: 'same', tagList: ['a'] }), 'same-x1')
        )._unsafeUnwrap();
        expect(free.slug).toBe('same');
        const fellBack = (
          await fx.repositories.articles.add(articleBy(author.id, { slug: 'same', tagList: ['b'] }), 'same-x2')
        )._unsafeUnwrap();
        expect(fellBack.slug).toBe('same-x2');
        expect(await fx.repositories.articles.findBySlug('same-x2')).toEqual(fellBack);
        expect(await fx.repositories.articles.findBySlug('same-x1')).toBeNull();
        const bothTaken = await fx.repositories.articles.add(articleBy(author.id, { slug: 'same' }), 'same-x2');
        expect(bothTaken._unsafeUnwrapErr()).toEqual({ type: 'SlugTaken', slug: 'same' });
      });

      it('stores many articles at once, in order, leaving out those whose slug is taken', async () => {
        const author = await addUser();
        const other = await addUser();
        (await fx.repositories.articles.add(articleBy(author.id, { slug: 'taken' })))._unsafeUnwrap();
        const batch = [
          articleBy(author.id, { slug: 'one', tagList: ['z', 'a'] }),
          articleBy(other.id, { slug: 'taken' }),
          articleBy(author.id, { slug: 'two', tagList: [] }),
          articleBy(other.id, { slug: 'one', title: 'second one' }),
        ];
        const { stored, taken } = await fx.repositories.articles.addMany(batch);
        expect(stored.map((article) => article.slug)).toEqual(['one', 'two']);
        expect(taken.map((article) => [article.slug, article.title])).toEqual([
          ['taken', batch[1]?.title],
          ['one', 'second one'],
        ]);
        expect(await fx.repositories.articles.findBySlug('one')).toEqual(stored[0]);
        expect((await fx.repositories.articles.findBySlug('one'))?.tagList).toEqual(['z', 'a']);
        expect(await fx.repositories.articles.findBySlug('two')).toEqual(stored[1]);
        expect(await fx.repositories.articles.addMany([])).toEqual({ stored: [], taken: [] });
      });

      it('refuses to move an article to a slug another one has', async () => {
        const author = await addUser();
        (await fx.repositories.articles.add(articleBy(author.id, { slug: 'first' })))._unsafeUnwrap();
        const second = (await fx.repositories.articles.add(articleBy(author.id, { slug: 'second' })))._unsafeUnwrap();
        const moved = await fx.repositories.articles.update({ ...second, slug: 'first' }, authorizedForTest('article:edit', second.id));
        expect(moved._unsafeUnwrapErr()).toEqual({ type: 'SlugTaken', slug: 'first' });
        expect((await fx.repositories.articles.findBySlug('second'))?.id).toBe(second.id);
      });

      it('updates fields and replaces the tags as a whole', async () => {
        const author = await addUser();
        const stored = (await fx.repositories.articles.add(articleBy(author.id, { tagList: ['a', 'b'] })))._unsafeUnwrap();
        const edited = { ...stored, slug: 'new-slug', title: 'New', tagList: ['c'], updatedAt: at('2026-02-01T00:00:00.456Z') };
        (await fx.repositories.articles.update(edited, authorizedForTest('article:edit', stored.id)))._unsafeUnwrap();
        expect(await fx.repositories.articles.findBySlug('new-slug')).toEqual(edited);
        expect(await fx.repositories.articles.findBySlug(stored.slug)).toBeNull();
        (await fx.repositories.articles.update({ ...edited, tagList: [] }, authorizedForTest('article:edit', stored.id)))._unsafeUnwrap();
        expect((await fx.repositories.articles.findBySlug('new-slug'))?.tagList).toEqual([]);
      });

      it('removes an article together with its comments', async () => {
        const author = await addUser();
        const stored = (await fx.repositories.articles.add(articleBy(author.id)))._unsafeUnwrap();
        const comment = await commentOn(stored.slug, newComment(aCommentDraft('hi'), author.id, at('2026-01-02T00:00:00Z')));
        await fx.repositories.articles.remove(stored.id, authorizedForTest('article:delete', stored.id));
        expect(await fx.repositories.articles.findBySlug(stored.slug)).toBeNull();
        expect(await fx.repositories.comments.findOnArticle(stored.id, comment.id)).toBeNull();
      });
    });

    describe('CommentRepository', () => {
      it('assigns ids and finds a comment only on its own article', async () => {
        const author = await addUser();
        const first = (await fx.repositories.articles.add(articleBy(author.id)))._unsafeUnwrap();
        const second = (await fx.repositories.articles.add(articleBy(author.id)))._unsafeUnwrap();
        const comment = await commentOn(first.slug, newComment(aCommentDraft('hi'), author.id, at('2026-01-02T00:00:00.789Z')));
        expect(await fx.repositories.comments.findOnArticle(first.id, comment.id)).toEqual(comment);
        expect(await fx.repositories.comments.findOnArticle(second.id, comment.id)).toBeNull();
        await fx.repositories.comments.remove(comment.id, authorizedForTest('comment:delete', comment.id));
        expect(await fx.repositories.comments.findOnArticle(first.id, comment.id)).toBeNull();
      });
    });

    // Follows and favorites are observable only through the read models: see describeQueryContracts.

    describeSessionContracts(context);
    describeJobContracts(context);
    describeFlagContracts(context);
    describeUnitOfWorkContracts(context);
  });
};
