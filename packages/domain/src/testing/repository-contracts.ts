import { type Result, ResultAsync } from 'neverthrow';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewArticle } from '../articles/article.js';
import { type Comment, type NewComment, newComment } from '../comments/comment.js';
import { failJob, type JobChange, recordBatch, requestJobCancel, startJob, succeedJob } from '../jobs/job-transitions.js';
import { startSession, UNKNOWN_ORIGIN } from '../sessions/session.js';
import { userActor } from '../shared/actor.js';
import { claimingIdempotencyKeys } from '../shared/claiming-unit-of-work.js';
import { type IdempotencyClaim, IdempotencyKeyHeld } from '../shared/idempotency.js';
import { parseSessionId, type UserId } from '../shared/ids.js';
import { profileOf, type User } from '../users/user.js';
import { authorizedForTest } from './authorized.js';
import { aCommentDraft, aNewArticle, aNewUser, anArticleDraft } from './builders.js';
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

    describe('SessionRepository', () => {
      const hour = 3600;
      const origin = { userAgent: 'Browser/1', address: '192.0.2.1' };

      it('stores sessions under fresh random ids and lists the live ones of a user, most recently seen first', async () => {
        const user = await addUser();
        const other = await addUser();
        const older = await fx.repositories.sessions.add(startSession(user.id, origin, at('2026-03-01T10:00:00.000Z'), hour));
        const newer = await fx.repositories.sessions.add(startSession(user.id, UNKNOWN_ORIGIN, at('2026-03-01T10:30:00.000Z'), hour));
        await fx.repositories.sessions.add(startSession(other.id, origin, at('2026-03-01T10:00:00.000Z'), hour));
        expect(parseSessionId(older.id)).toBe(older.id);
        expect(older.id).not.toBe(newer.id);
        expect(older).toEqual({
          id: older.id,
          userId: user.id,
          createdAt: at('2026-03-01T10:00:00.000Z'),
          lastSeenAt: at('2026-03-01T10:00:00.000Z'),
          expiresAt: at('2026-03-01T11:00:00.000Z'),
          ...origin,
        });
        expect(await fx.repositories.sessions.listLive(user.id, at('2026-03-01T10:45:00.000Z'))).toEqual([newer, older]);
        await fx.repositories.sessions.touch(older.id, at('2026-03-01T10:50:00.000Z'));
        const listed = await fx.repositories.sessions.listLive(user.id, at('2026-03-01T10:55:00.000Z'));
        expect(listed.map((session) => session.id)).toEqual([older.id, newer.id]);
        expect(listed[0]?.lastSeenAt).toEqual(at('2026-03-01T10:50:00.000Z'));
        // Expiry is exclusive: at its expiry a session is no longer live.
        expect((await fx.repositories.sessions.listLive(user.id, at('2026-03-01T11:00:00.000Z'))).map((s) => s.id)).toEqual([newer.id]);
      });

      it('ends one session of its own user only, or all but one, or all', async () => {
        const user = await addUser();
        const other = await addUser();
        const now = at('2026-03-01T10:00:00.000Z');
        const [a, b, c] = [
          await fx.repositories.sessions.add(startSession(user.id, origin, now, hour)),
          await fx.repositories.sessions.add(startSession(user.id, origin, now, hour)),
          await fx.repositories.sessions.add(startSession(user.id, origin, now, hour)),
        ];
        const theirs = await fx.repositories.sessions.add(startSession(other.id, origin, now, hour));
        expect(await fx.repositories.sessions.end(user.id, theirs.id)).toBe(false);
        expect(await fx.repositories.sessions.end(user.id, a!.id)).toBe(true);
        expect(await fx.repositories.sessions.end(user.id, a!.id)).toBe(false);
        expect(await fx.repositories.sessions.endOwn(userActor(user.id, 'user', b!.id), b!.id)).toBe(1);
        expect((await fx.repositories.sessions.listLive(user.id, now)).map((s) => s.id)).toEqual([b!.id]);
        expect(c).toBeDefined();
        // A proof for another user ends nothing: a defect in the use case, caught at once.
        await expect(fx.repositories.sessions.endAll(user, authorizedForTest('session:end-all', other.username))).rejects.toThrow(
          /session:end-all on/,
        );
        expect(await fx.repositories.sessions.endAll(user, authorizedForTest('session:end-all', user.username))).toBe(1);
        expect(await fx.repositories.sessions.listLive(user.id, now)).toEqual([]);
        expect(await fx.repositories.sessions.listLive(other.id, now)).toEqual([theirs]);
      });

      it('forgets expired sessions, at most `limit` at a time, and no live one', async () => {
        const user = await addUser();
        for (const minute of [0, 1, 2]) {
          await fx.repositories.sessions.add(startSession(user.id, origin, at(`2026-03-01T10:0${minute}:00.000Z`), 60));
        }
        const live = await fx.repositories.sessions.add(startSession(user.id, origin, at('2026-03-01T10:00:00.000Z'), hour));
        const now = at('2026-03-01T10:30:00.000Z');
        expect(await fx.repositories.sessions.forgetExpired(now, 2)).toBe(2);
        expect(await fx.repositories.sessions.forgetExpired(now, 2)).toBe(1);
        expect(await fx.repositories.sessions.forgetExpired(now, 2)).toBe(0);
        expect(await fx.repositories.sessions.listLive(user.id, now)).toEqual([live]);
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

    describe('JobUploadRepository, JobItemRepository, JobRepository', () => {
      const t0 = at('2026-01-01T10:00:00.000Z');
      const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
      const open = (ownerId: UserId, createdAt = t0) => fx.repositories.jobUploads.open({ type: 'article-import', ownerId, createdAt });
      const received = async (ownerId: UserId, items: string[], createdAt = t0) => {
        const id = await open(ownerId, createdAt);
        await fx.repositories.jobItems.stage(id, 1, items);
        return (await fx.repositories.jobUploads.queue(id, items.length, null, t0))._unsafeUnwrap();
      };
      /** Applies a transition to the job as stored and saves it: whether the save won. */
      const saved = async (change: Result<JobChange, unknown>) => fx.repositories.jobs.save(change._unsafeUnwrap());

      it('keeps a job result until it expires, replaces it when saved again, and forgets it after', async () => {
        const owner = await addUser();
        const job = await received(owner.id, ['x']);
        expect(await fx.repositories.jobResults.find(job.id, t0)).toBeNull();
        await fx.repositories.jobResults.save(job.id, '{"first":true}', later(60));
        await fx.repositories.jobResults.save(job.id, '{"a":"é"}', later(60));
        expect(await fx.repositories.jobResults.find(job.id, later(59))).toBe('{"a":"é"}');
        expect(await fx.repositories.jobResults.find(job.id, later(60))).toBeNull();
        expect(await fx.repositories.jobResults.forgetExpired(later(59))).toBe(0);
        expect(await fx.repositories.jobResults.forgetExpired(later(60))).toBe(1);
        expect(await fx.repositories.jobResults.find(job.id, t0)).toBeNull();
      });

      it('keeps an upload invisible until it is queued, then reads its items in order from any point', async () => {
        const owner = await addUser();
        const id = await open(owner.id);
        await fx.repositories.jobItems.stage(id, 1, ['a', 'b']);
        await fx.repositories.jobItems.stage(id, 3, ['c']);
        expect(await fx.repositories.jobs.findById(id)).toBeNull();
        expect((await fx.repositories.jobs.list(owner.id, { limit: 10, offset: 0 })).count).toBe(0);
        const job = (await fx.repositories.jobUploads.queue(id, 3, null, t0))._unsafeUnwrap();
        expect(job).toMatchObject({ id, status: 'queued', total: 3, processed: 0, errors: [], cancelRequested: false, startedAt: null });
        expect(await fx.repositories.jobs.findById(id)).toEqual(job);
        expect(await fx.repositories.jobItems.read(id, 0, 2)).toEqual(['a', 'b']);
        expect(await fx.repositories.jobItems.read(id, 2, 250)).toEqual(['c']);
        // Across the chunks they were staged in.
        expect(await fx.repositories.jobItems.read(id, 1, 2)).toEqual(['b', 'c']);
        expect(await fx.repositories.jobItems.read(id, 3, 250)).toEqual([]);
      });

      it('discards an upload, never a received job', async () => {
        const owner = await addUser();
        const upload = await open(owner.id);
        await fx.repositories.jobItems.stage(upload, 1, ['a']);
        await fx.repositories.jobUploads.discard(upload);
        expect(await fx.repositories.jobItems.read(upload, 0, 10)).toEqual([]);
        const job = await received(owner.id, ['a']);
        await fx.repositories.jobUploads.discard(job.id);
        expect(await fx.repositories.jobs.findById(job.id)).toEqual(job);
      });

      it('drops uploads opened before a cutoff and never received, and nothing else', async () => {
        const owner = await addUser();
        const old = await open(owner.id);
        await fx.repositories.jobItems.stage(old, 1, ['a']);
        const recent = await open(owner.id, later(60));
        const job = await received(owner.id, ['a']);
        expect(await fx.repositories.jobUploads.discardBefore(later(30))).toBe(1);
        expect(await fx.repositories.jobItems.read(old, 0, 10)).toEqual([]);
        expect((await fx.repositories.jobUploads.queue(recent, 0, null, t0)).isOk()).toBe(true);
        expect(await fx.repositories.jobs.findById(job.id)).toEqual(job);
      });

      it('gives one idempotency key to one of two uploads queued at once', async () => {
        const owner = await addUser();
        const uploads = await Promise.all([1, 2].map(() => open(owner.id)));
        const outcomes = await Promise.all(
          uploads.map((id, index) =>
            fx.unitOfWork.run((repositories) =>
              ResultAsync.fromSafePromise(repositories.jobUploads.queue(id, 0, { key: 'same', fingerprint: `f${index}` }, t0)).andThen(
                (r) => r,
              ),
            ),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.isOk())).toHaveLength(1);
        const held = outcomes.find((outcome) => outcome.isErr());
        expect(held?._unsafeUnwrapErr().job.id).toBe(outcomes.find((outcome) => outcome.isOk())?._unsafeUnwrap().id);
      });

      it("lists an owner's jobs newest first with their count, or everyone's", async () => {
        const owner = await addUser();
        const other = await addUser();
        const first = await received(owner.id, ['a'], later(1));
        const second = await received(owner.id, ['a'], later(2));
        const others = await received(other.id, ['a'], later(3));
        const mine = await fx.repositories.jobs.list(owner.id, { limit: 1, offset: 0 });
        expect(mine).toEqual({ jobs: [second], count: 2 });
        expect((await fx.repositories.jobs.list(owner.id, { limit: 5, offset: 1 })).jobs).toEqual([first]);
        expect((await fx.repositories.jobs.list(null, { limit: 5, offset: 0 })).jobs.map((job) => job.id)).toEqual([
          others.id,
          second.id,
          first.id,
        ]);
      });

      it('gives an idempotency key to the first job that claims it, within the window', async () => {
        const owner = await addUser();
        const other = await addUser();
        const claim = async (ownerId: UserId, fingerprint: string, createdAt: Date, since: Date) => {
          const id = await open(ownerId, createdAt);
          return { id, result: await fx.repositories.jobUploads.queue(id, 0, { key: 'k-1', fingerprint }, since) };
        };
        const first = await claim(owner.id, 'f1', t0, t0);
        const job = first.result._unsafeUnwrap();
        const second = await claim(owner.id, 'f2', later(5), t0);
        expect(second.result._unsafeUnwrapErr()).toEqual({ type: 'KeyHeld', job, fingerprint: 'f1' });
        expect(await fx.repositories.jobUploads.findByIdempotencyKey(owner.id, 'k-1', t0)).toEqual({
          type: 'KeyHeld',
          job,
          fingerprint: 'f1',
        });
        // Keys are per owner.
        expect((await claim(other.id, 'f3', later(5), t0)).result.isOk()).toBe(true);
        // Past the window the key is free again, and the new job takes it over.
        expect(await fx.repositories.jobUploads.findByIdempotencyKey(owner.id, 'k-1', later(1))).toBeNull();
        const third = await claim(owner.id, 'f4', later(10), later(1));
        expect(third.result._unsafeUnwrap().id).toBe(third.id);
        expect((await fx.repositories.jobUploads.findByIdempotencyKey(owner.id, 'k-1', later(1)))?.fingerprint).toBe('f4');
      });

      it('saves a transition only over the state it was computed from, and drops the items of a job that ended', async () => {
        const owner = await addUser();
        const job = await received(owner.id, ['a', 'b', 'c']);
        const start = startJob(job, later(1))._unsafeUnwrap();
        expect(await fx.repositories.jobs.save(start)).toBe(true);
        const running = start.to;
        expect(await fx.repositories.jobs.findById(job.id)).toEqual(running);
        // A second start computed from the queued job loses: the job is running now.
        expect(await saved(startJob(job, later(2)))).toBe(false);
        const errors = [{ item: 2, errors: { title: ["can't be blank"] } }];
        const batch = recordBatch(running, { items: 2, written: 1, refused: errors })._unsafeUnwrap();
        expect(await fx.repositories.jobs.save(batch)).toBe(true);
        // The same batch again (another run of the job) is refused.
        expect(await fx.repositories.jobs.save(batch)).toBe(false);
        expect(await fx.repositories.jobs.findById(job.id)).toEqual(batch.to);
        // A batch that adds no errors keeps the stored ones.
        const quiet = recordBatch(batch.to, { items: 1, written: 1, refused: [] })._unsafeUnwrap();
        expect(await fx.repositories.jobs.save(quiet)).toBe(true);
        expect(await fx.repositories.jobs.findById(job.id)).toEqual({ ...quiet.to, errors });
        expect(await saved(succeedJob(quiet.to, later(3)))).toBe(true);
        expect(await fx.repositories.jobs.findById(job.id)).toMatchObject({ status: 'succeeded', finishedAt: later(3), processed: 3 });
        expect(await fx.repositories.jobItems.read(job.id, 0, 10)).toEqual([]);
        expect(await saved(failJob(quiet.to, later(4)))).toBe(false);
      });

      it('cancels a queued job at once; a cancel asked of a running one stops its next batch from saving', async () => {
        const owner = await addUser();
        const queued = await received(owner.id, ['a']);
        expect(await saved(requestJobCancel(queued, later(1), authorizedForTest('job:cancel', queued.id)))).toBe(true);
        expect(await fx.repositories.jobs.findById(queued.id)).toMatchObject({ status: 'canceled', finishedAt: later(1) });
        expect(await fx.repositories.jobItems.read(queued.id, 0, 10)).toEqual([]);
        const job = await received(owner.id, ['a']);
        const running = startJob(job, later(1))._unsafeUnwrap();
        await fx.repositories.jobs.save(running);
        expect(await saved(requestJobCancel(running.to, later(2), authorizedForTest('job:cancel', job.id)))).toBe(true);
        expect(await fx.repositories.jobs.findById(job.id)).toMatchObject({ status: 'running', cancelRequested: true });
        expect(await saved(recordBatch(running.to, { items: 1, written: 1, refused: [] }))).toBe(false);
        expect(await fx.repositories.jobs.countByStatus()).toEqual({ queued: 0, running: 1, succeeded: 0, failed: 0, canceled: 1 });
      });
    });

    describe('IdempotencyKeyRepository', () => {
      const claimOf = (overrides: Partial<IdempotencyClaim> = {}): IdempotencyClaim => ({
        scope: 'user:1',
        key: 'k-1',
        fingerprint: 'f'.repeat(64),
        holder: '00000000-0000-4000-8000-000000000001',
        at: at('2026-06-01T10:00:00.000Z'),
        committed: () => undefined,
        ...overrides,
      });
      const answer = { status: 201, headers: { 'content-type': 'application/json' }, body: '{"article":{}}' };

      it('a key is claimed once; its holder may claim it again, anyone else may not until it expires', async () => {
        const keys = fx.repositories.idempotencyKeys;
        expect(await keys.claim(claimOf())).toBe(true);
        expect(await keys.claim(claimOf())).toBe(true);
        const other = claimOf({ holder: '00000000-0000-4000-8000-000000000002' });
        expect(await keys.claim(other)).toBe(false);
        expect(await keys.claim(claimOf({ scope: 'user:2', holder: other.holder }))).toBe(true);
        expect(await keys.claim({ ...other, at: at('2026-06-02T10:00:00.001Z') })).toBe(true);
      });

      it('keeps the answer of the holder only, and finds the key within its window', async () => {
        const keys = fx.repositories.idempotencyKeys;
        await keys.claim(claimOf());
        await keys.recordAnswer('user:1', 'k-1', '00000000-0000-4000-8000-000000000002', { ...answer, status: 500 });
        expect((await keys.find('user:1', 'k-1', at('2026-06-01T00:00:00.000Z')))?.answer).toBeNull();
        await keys.recordAnswer('user:1', 'k-1', claimOf().holder, answer);
        expect(await keys.find('user:1', 'k-1', at('2026-06-01T00:00:00.000Z'))).toEqual({
          fingerprint: 'f'.repeat(64),
          holder: claimOf().holder,
          createdAt: at('2026-06-01T10:00:00.000Z'),
          answer,
        });
        expect(await keys.find('user:1', 'k-1', at('2026-06-01T10:00:00.001Z'))).toBeNull();
        expect(await keys.find('user:2', 'k-1', at('2026-06-01T00:00:00.000Z'))).toBeNull();
      });

      it('forgets keys claimed before a time', async () => {
        const keys = fx.repositories.idempotencyKeys;
        await keys.claim(claimOf());
        await keys.claim(claimOf({ key: 'k-2', at: at('2026-06-03T10:00:00.000Z') }));
        expect(await keys.forgetBefore(at('2026-06-02T00:00:00.000Z'))).toBe(1);
        expect(await keys.find('user:1', 'k-1', at('2026-01-01T00:00:00.000Z'))).toBeNull();
        expect(await keys.find('user:1', 'k-2', at('2026-01-01T00:00:00.000Z'))).not.toBeNull();
      });

      it('a claiming unit of work applies its write with its key, and a second request with the key applies nothing', async () => {
        let claim: IdempotencyClaim | undefined;
        let committed = 0;
        const unitOfWork = claimingIdempotencyKeys(fx.unitOfWork, () => claim);
        claim = claimOf({ committed: () => committed++ });
        const first = await unitOfWork.run((repositories) => repositories.users.add(aNewUser({ username: 'keyed-1' })));
        expect(first.isOk()).toBe(true);
        expect(committed).toBe(1);
        claim = claimOf({ holder: '00000000-0000-4000-8000-000000000002', committed: () => committed++ });
        const second = unitOfWork.run((repositories) => repositories.users.add(aNewUser({ username: 'keyed-2' })));
        await expect(second).rejects.toBeInstanceOf(IdempotencyKeyHeld);
        expect(committed).toBe(1);
        expect(await fx.repositories.users.findByUsername('keyed-2')).toBeNull();
      });

      it('a claim rolls back with its write', async () => {
        const unitOfWork = claimingIdempotencyKeys(fx.unitOfWork, () => claimOf());
        const taken = await addUser();
        const result = await unitOfWork.run((repositories) => repositories.users.add(aNewUser({ username: taken.username })));
        expect(result.isErr()).toBe(true);
        expect(await fx.repositories.idempotencyKeys.find('user:1', 'k-1', at('2026-01-01T00:00:00.000Z'))).toBeNull();
      });
    });

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
