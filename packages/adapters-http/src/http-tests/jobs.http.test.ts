import { jobId, startJob } from '@conduit/domain';
import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

const article = (title: string, extra: Record<string, unknown> = {}) => ({ title, description: 'About it', body: 'The text', ...extra });
const ndjson = (...items: unknown[]) => items.map((item) => JSON.stringify(item)).join('\n');

describe('article imports and jobs over HTTP', () => {
  it('answers 202 with the queued job, its Location and Retry-After; the job then reports progress and item errors', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const created = await http.call('POST', '/api/articles/imports', {
      token,
      headers: { 'Content-Type': 'application/x-ndjson' },
      body: ndjson({ article: article('One', { tagList: ['b', 'a'] }) }, { article: article('') }, { article: article('Two') }),
    });
    expect(created.status).toBe(202);
    const { job } = created.body;
    expect(job).toMatchObject({ type: 'article-import', status: 'queued', total: 3, processed: 0, succeeded: 0, failed: 0, errors: [] });
    expect(created.headers.get('Location')).toBe(`/api/jobs/${job.id}`);
    expect(created.headers.get('Retry-After')).toBe('1');

    await http.memory.useCases.runArticleImport(job.id);
    const done = await http.call('GET', `/api/jobs/${job.id}`, { token });
    expect(done.status).toBe(200);
    expect(done.body.job).toMatchObject({ status: 'succeeded', total: 3, processed: 3, succeeded: 2, failed: 1 });
    expect(done.body.job.errors).toEqual([{ item: 2, errors: { title: ["can't be blank"] } }]);
    expect(done.headers.get('Retry-After')).toBeNull();
    const listed = await http.call('GET', '/api/articles?author=jake', {});
    expect(listed.body.articlesCount).toBe(2);
    expect(listed.body.articles.find((a: { title: string }) => a.title === 'One').tagList).toEqual(['a', 'b']);
  });

  it('takes {"articles": [...]} as JSON too, and lists the caller’s jobs newest first', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const first = await http.call('POST', '/api/articles/imports', { token, body: { articles: [article('One')] } });
    const second = await http.call('POST', '/api/articles/imports', { token, body: { articles: [article('Two'), article('Three')] } });
    expect([first.status, second.status]).toEqual([202, 202]);
    const list = await http.call('GET', '/api/jobs?limit=1', { token });
    expect(list.body.jobsCount).toBe(2);
    expect(list.body.jobs.map((job: { id: string }) => job.id)).toEqual([second.body.job.id]);
    expect((await http.call('GET', '/api/jobs', { token: await http.register('ann') })).body).toEqual({ jobs: [], jobsCount: 0 });
  });

  it('replays the job for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const body = { articles: [article('One')] };
    const first = await http.call('POST', '/api/articles/imports', { token, body, headers: { 'Idempotency-Key': '"key-1"' } });
    const again = await http.call('POST', '/api/articles/imports', { token, body, headers: { 'Idempotency-Key': 'key-1' } });
    expect(again.status).toBe(202);
    expect(again.body.job.id).toBe(first.body.job.id);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const other = await http.call('POST', '/api/articles/imports', {
      token,
      body: { articles: [article('Other')] },
      headers: { 'Idempotency-Key': 'key-1' },
    });
    expectProblem(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    const blank = await http.call('POST', '/api/articles/imports', { token, body, headers: { 'Idempotency-Key': '""' } });
    expectProblem(blank, 422, 'VALIDATION_FAILED');
    expect((await http.call('GET', '/api/jobs', { token })).body.jobsCount).toBe(1);
  });

  it('refuses other media types (415), bodies past the import limit (413), and empty imports (422)', async () => {
    const http = createHttpTestHarness({ importBodyLimitBytes: 2048 });
    const token = await http.register('jake');
    const plain = await http.call('POST', '/api/articles/imports', { token, body: 'x', headers: { 'Content-Type': 'text/csv' } });
    expectProblem(plain, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(plain.headers.get('Accept-Post')).toBe('application/x-ndjson, application/jsonl, application/ndjson, application/json');
    const large = await http.call('POST', '/api/articles/imports', {
      token,
      headers: { 'Content-Type': 'application/x-ndjson' },
      body: ndjson(...Array.from({ length: 40 }, (_, index) => ({ article: article(`Post ${index}`) }))),
    });
    expectProblem(large, 413, 'PAYLOAD_TOO_LARGE');
    const empty = await http.call('POST', '/api/articles/imports', {
      token,
      headers: { 'Content-Type': 'application/x-ndjson' },
      body: '\n',
    });
    expectProblem(empty, 422, 'VALIDATION_FAILED');
    // The import's own limit, not the API's: this body is larger than the usual 64 KiB.
    const roomy = createHttpTestHarness({ bodyLimitBytes: 1024 });
    const roomyToken = await roomy.register('jake');
    const accepted = await roomy.call('POST', '/api/articles/imports', {
      token: roomyToken,
      headers: { 'Content-Type': 'application/x-ndjson' },
      body: ndjson(...Array.from({ length: 40 }, (_, index) => ({ article: article(`Post ${index}`) }))),
    });
    expect(accepted.status).toBe(202);
    // Nothing of a refused upload remains.
    expect((await http.call('GET', '/api/jobs', { token })).body.jobsCount).toBe(0);
  });

  it('cancels: 200 for a queued job, 202 while a running one stops, 409 once it succeeded; 404 for strangers', async () => {
    const http = createHttpTestHarness();
    /** A worker took the job and stopped (it died, or its process is between batches). */
    const startRunning = async (id: string) => {
      const job = await http.memory.repositories.jobs.findById(jobId(id));
      if (job === null) throw new Error(`no job ${id}`);
      expect(await http.memory.repositories.jobs.save(startJob(job, new Date())._unsafeUnwrap())).toBe(true);
    };
    const token = await http.register('jake');
    const stranger = await http.register('ann');
    const queued = (await http.call('POST', '/api/articles/imports', { token, body: { articles: [article('One')] } })).body.job;
    expectProblem(await http.call('POST', `/api/jobs/${queued.id}/cancel`, { token: stranger }), 404, 'JOB_NOT_FOUND');
    expectProblem(await http.call('GET', `/api/jobs/${queued.id}`, { token: stranger }), 404, 'JOB_NOT_FOUND');
    const canceled = await http.call('POST', `/api/jobs/${queued.id}/cancel`, { token });
    expect(canceled.status).toBe(200);
    expect(canceled.body.job).toMatchObject({ status: 'canceled', processed: 0 });
    expect(canceled.body.job.finishedAt).not.toBeNull();

    // Running with a worker on it: the answer waits for the worker to stop and is final.
    const busy = (await http.call('POST', '/api/articles/imports', { token, body: { articles: [article('Busy')] } })).body.job;
    await startRunning(busy.id);
    // The worker comes to the job once the cancel is asked, while the cancel waits.
    const worker = (async () => {
      while (!(await http.memory.repositories.jobs.findById(busy.id))?.cancelRequested) await new Promise(setImmediate);
      return http.memory.useCases.runArticleImport(busy.id);
    })();
    const stopped = await http.call('POST', `/api/jobs/${busy.id}/cancel`, { token });
    expect(await worker).toBe('finished');
    expect(stopped.status).toBe(200);
    expect(stopped.body.job).toMatchObject({ status: 'canceled', processed: 0 });

    // Running with no worker on it now: 202 after the wait, still running.
    const running = (await http.call('POST', '/api/articles/imports', { token, body: { articles: [article('Two')] } })).body.job;
    await startRunning(running.id);
    const stopping = await http.call('POST', `/api/jobs/${running.id}/cancel`, { token });
    expect(stopping.status).toBe(202);
    expect(stopping.body.job.status).toBe('running');
    expect(stopping.headers.get('Retry-After')).toBe('1');
    await http.memory.useCases.runArticleImport(running.id);
    expect((await http.call('GET', `/api/jobs/${running.id}`, { token })).body.job).toMatchObject({ status: 'canceled', processed: 0 });

    const finished = (await http.call('POST', '/api/articles/imports', { token, body: { articles: [article('Three')] } })).body.job;
    await http.memory.useCases.runArticleImport(finished.id);
    expectProblem(await http.call('POST', `/api/jobs/${finished.id}/cancel`, { token }), 409, 'JOB_ALREADY_FINISHED');
    expectProblem(await http.call('GET', '/api/jobs/not-a-job', { token }), 404, 'JOB_NOT_FOUND');
  });
});
