import { createInMemoryApp } from '@conduit/adapters-memory/testing';
import { type JobId, startJob } from '@conduit/domain';
import { describe, expect, it } from 'vitest';
import { article, articlesOf, as, submit } from '../testing/import-job-fixtures.js';

describe('article import jobs: cancels, hand-backs, races and counts', () => {
  it('cancels a queued job at once; a running one stops before its next batch, keeping what it applied', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const queued = (await submit(app, jake, [article('One')]))._unsafeUnwrap().job;
    expect((await app.useCases.cancelJob(as(jake), queued.id))._unsafeUnwrap()).toMatchObject({ status: 'canceled' });
    expect(await app.useCases.runArticleImport(queued.id)).toBe('finished');
    expect((await articlesOf(app, 'jake')).articlesCount).toBe(0);

    const texts = Array.from({ length: 600 }, (_, index) => article(`Post ${index}`));
    const running = (await submit(app, jake, texts))._unsafeUnwrap().job;
    const outcome = await app.useCases.runArticleImport(running.id, {
      onBatch: () => void app.useCases.cancelJob(as(jake), running.id),
    });
    expect(outcome).toBe('finished');
    const done = (await app.useCases.getJob(as(jake), running.id))._unsafeUnwrap();
    // Stopped before the end, at a batch boundary; what it applied is exactly what it counted.
    expect(done.status).toBe('canceled');
    expect([250, 500]).toContain(done.processed);
    expect(done.succeeded).toBe(done.processed);
    expect((await articlesOf(app, 'jake')).articlesCount).toBe(done.processed);
    expect((await app.useCases.cancelJob(as(jake), running.id))._unsafeUnwrap().status).toBe('canceled');
  });

  it('waits, when asked, for a running job’s worker to honour the cancel; answers running when no worker comes', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const startRunning = async (id: JobId) => {
      const job = await app.repositories.jobs.findById(id);
      if (job === null) throw new Error(`no job ${id}`);
      expect(await app.repositories.jobs.save(startJob(job, new Date())._unsafeUnwrap())).toBe(true);
    };
    const busy = (await submit(app, jake, [article('Busy')]))._unsafeUnwrap().job;
    await startRunning(busy.id);
    // The worker comes to the job while the cancel waits, as a driver's worker would.
    const worker = (async () => {
      while (!(await app.repositories.jobs.findById(busy.id))?.cancelRequested) await new Promise(setImmediate);
      return app.useCases.runArticleImport(busy.id);
    })();
    const stopped = (await app.useCases.cancelJob(as(jake), busy.id, { settleMs: 1_000 }))._unsafeUnwrap();
    expect(await worker).toBe('finished');
    expect(stopped).toMatchObject({ status: 'canceled', processed: 0 });

    const idle = (await submit(app, jake, [article('Idle')]))._unsafeUnwrap().job;
    await startRunning(idle.id);
    expect((await app.useCases.cancelJob(as(jake), idle.id, { settleMs: 1_000 }))._unsafeUnwrap()).toMatchObject({
      status: 'running',
      cancelRequested: true,
    });
  });

  it('refuses to cancel a job that succeeded', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const { job } = (await submit(app, jake, [article('One')]))._unsafeUnwrap();
    await app.useCases.runArticleImport(job.id);
    expect((await app.useCases.cancelJob(as(jake), job.id))._unsafeUnwrapErr()).toEqual({
      type: 'JobAlreadyFinished',
      id: job.id,
      status: 'succeeded',
    });
  });

  it('hands a job back at shutdown and resumes it after the last committed batch, each item once', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const texts = Array.from({ length: 600 }, (_, index) => article(`Post ${index}`));
    const { job } = (await submit(app, jake, texts))._unsafeUnwrap();
    const stop = { aborted: false };
    const first = await app.useCases.runArticleImport(job.id, {
      signal: stop,
      onBatch: () => {
        stop.aborted = true;
      },
    });
    expect(first).toBe('handed-back');
    // Queued again with what it applied: a cancel now would end it at once.
    const handedBack = (await app.useCases.getJob(as(jake), job.id))._unsafeUnwrap();
    expect(handedBack).toMatchObject({ status: 'queued', processed: 250 });
    expect(handedBack.startedAt).not.toBeNull();
    expect(await app.useCases.runArticleImport(job.id)).toBe('finished');
    expect((await app.useCases.getJob(as(jake), job.id))._unsafeUnwrap()).toMatchObject({
      status: 'succeeded',
      processed: 600,
      succeeded: 600,
    });
    expect((await articlesOf(app, 'jake')).articlesCount).toBe(600);
  });

  it('lets two runs of one job race without applying an item twice', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const texts = Array.from({ length: 1_000 }, (_, index) => article(`Post ${index}`));
    const { job } = (await submit(app, jake, texts))._unsafeUnwrap();
    const outcomes = await Promise.all([app.useCases.runArticleImport(job.id), app.useCases.runArticleImport(job.id)]);
    expect(outcomes).toContain('finished');
    expect((await app.useCases.getJob(as(jake), job.id))._unsafeUnwrap()).toMatchObject({
      status: 'succeeded',
      processed: 1_000,
      succeeded: 1_000,
    });
    expect((await articlesOf(app, 'jake')).articlesCount).toBe(1_000);
  });

  it('counts jobs by status', async () => {
    const app = createInMemoryApp();
    const jake = await app.signUp('jake');
    const { job } = (await submit(app, jake, [article('One')]))._unsafeUnwrap();
    (await submit(app, jake, [article('Two')]))._unsafeUnwrap();
    await app.useCases.runArticleImport(job.id);
    expect(await app.useCases.countJobs()).toEqual({ queued: 1, running: 0, succeeded: 1, failed: 0, canceled: 0 });
    await app.useCases.failJob(job.id);
    expect((await app.useCases.countJobs()).failed).toBe(0);
  });
});
