import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type NewArticle, newArticle } from '../articles/article.js';
import { newComment } from '../comments/comment.js';
import type { UserId } from '../shared/ids.js';
import type { User } from '../users/user.js';
import { authorizedForTest } from './authorized.js';
import { aNewUser, anArticleDraft } from './builders.js';
import type { FixtureFactory, PersistenceFixture } from './persistence-fixture.js';

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

    const addUser = async (overrides = {}): Promise<User> => (await fx.repositories.users.add(aNewUser(overrides)))._unsafeUnwrap();
    const articleBy = (authorId: UserId, overrides: Partial<NewArticle> = {}): NewArticle => ({
      ...newArticle(anArticleDraft(), authorId, at('2026-01-01T10:00:00.123Z')),
      ...overrides,
    });

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
        };
        expect((await fx.repositories.users.update(changed))._unsafeUnwrap()).toEqual(changed);
        expect(await fx.repositories.users.findById(user.id)).toEqual(changed);
        const clash = await fx.repositories.users.update({ ...user, email: other.email });
        expect(clash._unsafeUnwrapErr().type).toBe('EmailTaken');
      });
    });

    describe('ArticleRepository', () => {
      it('stores an article with its tags and finds it by slug', async () => {
        const author = await addUser();
        const stored = (await fx.repositories.articles.add(articleBy(author.id, { tagList: ['a', 'b'] })))._unsafeUnwrap();
        expect(await fx.repositories.articles.findBySlug(stored.slug)).toEqual(stored);
        expect(await fx.repositories.articles.slugExists(stored.slug)).toBe(true);
        expect(await fx.repositories.articles.slugExists('missing')).toBe(false);
        expect(await fx.repositories.articles.findBySlug('missing')).toBeNull();
      });

      it('refuses a slug that is taken', async () => {
        const author = await addUser();
        (await fx.repositories.articles.add(articleBy(author.id, { slug: 'same' })))._unsafeUnwrap();
        const second = await fx.repositories.articles.add(articleBy(author.id, { slug: 'same' }));
        expect(second._unsafeUnwrapErr()).toEqual({ type: 'SlugTaken', slug: 'same' });
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
        const moved = await fx.repositories.articles.update({ ...second, slug: 'first' });
        expect(moved._unsafeUnwrapErr()).toEqual({ type: 'SlugTaken', slug: 'first' });
        expect((await fx.repositories.articles.findBySlug('second'))?.id).toBe(second.id);
      });

      it('updates fields and replaces the tags as a whole', async () => {
        const author = await addUser();
        const stored = (await fx.repositories.articles.add(articleBy(author.id, { tagList: ['a', 'b'] })))._unsafeUnwrap();
        const edited = { ...stored, slug: 'new-slug', title: 'New', tagList: ['c'], updatedAt: at('2026-02-01T00:00:00.456Z') };
        (await fx.repositories.articles.update(edited))._unsafeUnwrap();
        expect(await fx.repositories.articles.findBySlug('new-slug')).toEqual(edited);
        expect(await fx.repositories.articles.findBySlug(stored.slug)).toBeNull();
        (await fx.repositories.articles.update({ ...edited, tagList: [] }))._unsafeUnwrap();
        expect((await fx.repositories.articles.findBySlug('new-slug'))?.tagList).toEqual([]);
      });

      it('removes an article together with its comments', async () => {
        const author = await addUser();
        const stored = (await fx.repositories.articles.add(articleBy(author.id)))._unsafeUnwrap();
        const comment = await fx.repositories.comments.add(newComment('hi', stored.id, author.id, at('2026-01-02T00:00:00Z')));
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
        const comment = await fx.repositories.comments.add(newComment('hi', first.id, author.id, at('2026-01-02T00:00:00.789Z')));
        expect(await fx.repositories.comments.findOnArticle(first.id, comment.id)).toEqual(comment);
        expect(await fx.repositories.comments.findOnArticle(second.id, comment.id)).toBeNull();
        await fx.repositories.comments.remove(comment.id, authorizedForTest('comment:delete', comment.id));
        expect(await fx.repositories.comments.findOnArticle(first.id, comment.id)).toBeNull();
      });
    });

    // Follows and favorites are observable only through the read models: see describeQueryContracts.

    describe('UnitOfWork', () => {
      it('commits when the work succeeds', async () => {
        const result = await fx.unitOfWork.run((repositories) => repositories.users.add(aNewUser({ username: 'committed' })));
        expect(result.isOk()).toBe(true);
        expect(await fx.repositories.users.findByUsername('committed')).not.toBeNull();
      });

      it('rolls back when the work returns an expected failure', async () => {
        const taken = await addUser();
        const result = await fx.unitOfWork.run((repositories) =>
          repositories.users
            .add(aNewUser({ username: 'rolled-back' }))
            .andThen(() => repositories.users.add(aNewUser({ username: taken.username }))),
        );
        expect(result._unsafeUnwrapErr().type).toBe('UsernameTaken');
        expect(await fx.repositories.users.findByUsername('rolled-back')).toBeNull();
      });

      it('rolls back and rethrows when the work throws', async () => {
        const outcome = fx.unitOfWork.run((repositories) =>
          repositories.users.add(aNewUser({ username: 'defect' })).map(() => {
            throw new Error('boom');
          }),
        );
        await expect(outcome).rejects.toThrow('boom');
        expect(await fx.repositories.users.findByUsername('defect')).toBeNull();
      });
    });
  });
};
