import { createInMemoryApp } from '@conduit/adapters-memory/testing';
import { MAX_ITEM_ERRORS, systemActor } from '@conduit/domain';
import { err, ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { article, articlesOf, as, submit } from '../testing/import-job-fixtures.js';

describe('article import jobs', () => {
  it('queues a received upload, announces it, and the run applies every item by the article rules', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const { job, replayed } = (await submit(app, jake, [article('One'), article('  '), 'not json', article('Two')]))._unsafeUnwrap();
    expect(replayed).toBe(false);
    expect(job).toMatchObject({ type: 'article-import', status: 'queued', total: 4, processed: 0 });
    expect(app.store.announced).toEqual([job.id]);

    expect(await app.useCases.runArticleImport(job.id)).toBe('finished');
    const done = (await app.useCases.getJob(as(jake), job.id))._unsafeUnwrap();
    expect(done).toMatchObject({ status: 'succeeded', total: 4, processed: 4, succeeded: 2, failed: 2 });
    expect(done.errors).toEqual([
      { item: 2, errors: { title: ["can't be blank"] } },
      { item: 3, errors: { item: ['is not valid JSON'] } },
    ]);
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect((await articlesOf(app, 'jake')).articlesCount).toBe(2);
    // Running it again (a duplicate announcement) changes nothing.
    expect(await app.useCases.runArticleImport(job.id)).toBe('finished');
    expect((await articlesOf(app, 'jake')).articlesCount).toBe(2);
  });

  it("lets an admin import as other users, and refuses an item's author for anyone else", async () => {
    const app = createInMemoryApp();
    const admin = await app.signUp('admin', 'admin');
    const jake = await app.signUp('jake');
    await app.signUp('ann');
    const asAdmin = (await submit(app, admin, [article('Moved', { author: 'ann' })]))._unsafeUnwrap().job;
    await app.useCases.runArticleImport(asAdmin.id);
    expect((await articlesOf(app, 'ann')).articlesCount).toBe(1);

    const asJake = (
      await submit(app, jake, [
        JSON.stringify({ article: JSON.parse(article('Sneaky')).article, author: 'ann' }),
        // Even their own name: only admins name authors.
        article('Mine', { author: 'jake' }),
      ])
    )._unsafeUnwrap().job;
    await app.useCases.runArticleImport(asJake.id);
    const done = (await app.useCases.getJob(as(jake), asJake.id))._unsafeUnwrap();
    expect(done.errors).toEqual([
      { item: 1, errors: { author: ['may be set only by an admin'] } },
      { item: 2, errors: { author: ['may be set only by an admin'] } },
    ]);
    expect((await articlesOf(app, 'ann')).articlesCount).toBe(1);
  });

  it('keeps the first 1,000 item errors and exact counts beyond them', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const texts = Array.from({ length: MAX_ITEM_ERRORS + 20 }, () => '{}');
    const { job } = (await submit(app, jake, [...texts, article('Last')]))._unsafeUnwrap();
    await app.useCases.runArticleImport(job.id);
    const done = (await app.useCases.getJob(as(jake), job.id))._unsafeUnwrap();
    expect(done).toMatchObject({ processed: MAX_ITEM_ERRORS + 21, failed: MAX_ITEM_ERRORS + 20, succeeded: 1 });
    expect(done.errors).toHaveLength(MAX_ITEM_ERRORS);
    expect(done.errors.at(-1)?.item).toBe(MAX_ITEM_ERRORS);
  });

  it('shows a job to its owner, admins and operators only; others and bad ids get not found', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const ann = await app.signUp('ann');
    const admin = await app.signUp('admin', 'admin');
    const { job } = (await submit(app, jake, [article('One')]))._unsafeUnwrap();
    expect((await app.useCases.getJob(as(admin), job.id)).isOk()).toBe(true);
    expect((await app.useCases.getJob({ actor: systemActor('ops') }, job.id)).isOk()).toBe(true);
    expect((await app.useCases.getJob(as(ann), job.id))._unsafeUnwrapErr()).toEqual({ type: 'JobNotFound', id: job.id });
    expect((await app.useCases.getJob(as(jake), 'not-a-uuid'))._unsafeUnwrapErr().type).toBe('JobNotFound');
    expect((await app.useCases.cancelJob(as(ann), job.id))._unsafeUnwrapErr().type).toBe('JobNotFound');
    expect((await app.useCases.listJobs(as(jake), { limit: 10, offset: 0 })).count).toBe(1);
    expect((await app.useCases.listJobs(as(ann), { limit: 10, offset: 0 })).count).toBe(0);
    expect((await app.useCases.listJobs({ actor: systemActor('ops') }, { limit: 10, offset: 0 })).count).toBe(1);
  });

  it('returns the same job for the same key and body, and refuses the key with another body', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const ann = await app.signUp('ann');
    const first = (await submit(app, jake, [article('One')], { key: 'k', fingerprint: 'body-1' }))._unsafeUnwrap();
    const again = (await submit(app, jake, [article('One')], { key: 'k', fingerprint: 'body-1' }))._unsafeUnwrap();
    expect(again).toEqual({ job: first.job, replayed: true });
    expect((await submit(app, jake, [article('Two')], { key: 'k', fingerprint: 'body-2' }))._unsafeUnwrapErr()).toEqual({
      type: 'IdempotencyKeyReused',
      key: 'k',
    });
    // Keys belong to their owner.
    expect((await submit(app, ann, [article('Two')], { key: 'k', fingerprint: 'body-2' }))._unsafeUnwrap().replayed).toBe(false);
    expect(app.store.announced).toHaveLength(2);
  });

  it('makes one job of two concurrent requests with one key', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const [a, b] = await Promise.all([
      submit(app, jake, [article('One')], { key: 'k', fingerprint: 'body' }),
      submit(app, jake, [article('One')], { key: 'k', fingerprint: 'body' }),
    ]);
    expect(a._unsafeUnwrap().job.id).toBe(b._unsafeUnwrap().job.id);
    expect((await app.useCases.listJobs(as(jake), { limit: 10, offset: 0 })).count).toBe(1);
  });

  it('drops an upload that breaks off, and shows nothing of it', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    async function* breaking() {
      yield ok(article('One'));
      throw new Error('connection reset');
    }
    await expect(app.useCases.submitArticleImport(as(jake), { items: breaking() })).rejects.toThrow('connection reset');
    expect(app.store.jobs.size).toBe(0);
    expect(app.store.announced).toEqual([]);
  });

  it('refuses an upload with no items, or one its body reported as unreadable, and keeps nothing of it', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    expect((await submit(app, jake, []))._unsafeUnwrapErr()).toEqual({ type: 'UploadInvalid', errors: { articles: ["can't be blank"] } });
    async function* unreadable() {
      yield ok(article('One'));
      yield err({ type: 'UploadMalformed' as const });
    }
    expect((await app.useCases.submitArticleImport(as(jake), { items: unreadable() }))._unsafeUnwrapErr()).toEqual({
      type: 'UploadMalformed',
    });
    expect(app.store.jobs.size).toBe(0);
    expect(app.store.announced).toEqual([]);
  });
});
