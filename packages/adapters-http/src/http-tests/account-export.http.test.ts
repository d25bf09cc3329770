import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

describe('POST /api/user/export', () => {
  it('is a job whose result, for its owner only, is everything they made', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const anna = await http.register('anna');
    await http.call('PUT', '/api/user', { token: jake, body: { user: { bio: 'I like dragons' } } });
    const mine = await http.createArticle(jake, { title: 'Mine', tagList: ['dragons'] });
    const hers = await http.createArticle(anna, { title: 'Hers' });
    await http.call('POST', `/api/articles/${hers.slug}/favorite`, { token: jake });
    await http.call('POST', `/api/articles/${hers.slug}/comments`, { token: jake, body: { comment: { body: 'Nice' } } });
    await http.call('POST', `/api/articles/${mine.slug}/comments`, { token: anna, body: { comment: { body: 'not his' } } });
    await http.call('POST', '/api/profiles/anna/follow', { token: jake });

    const started = await http.call('POST', '/api/user/export', { token: jake });
    expect(started.status).toBe(202);
    const { id, type, status } = started.body.job;
    expect([type, status]).toEqual(['account-export', 'queued']);
    expect(started.headers.get('Location')).toBe(`/api/jobs/${id}`);
    expectProblem(await http.call('GET', `/api/jobs/${id}/result`, { token: jake }), 409, 'JOB_NOT_FINISHED');

    expect(await http.memory.useCases.runJob(id)).toBe('finished');
    expect((await http.call('GET', `/api/jobs/${id}`, { token: jake })).body.job).toMatchObject({ status: 'succeeded', succeeded: 1 });
    const result = await http.call('GET', `/api/jobs/${id}/result`, { token: jake });
    expect(result.status).toBe(200);
    expect(result.headers.get('Content-Disposition')).toBe(`attachment; filename="conduit-export-${id}.json"`);
    expect(result.body).toEqual({
      exportedAt: expect.any(String),
      user: { username: 'jake', email: 'jake@example.com', bio: 'I like dragons', image: null },
      articles: [{ title: 'Mine', description: 'Ever wonder how?', body: 'Believe', tagList: ['dragons'], createdAt: expect.any(String) }],
      comments: [{ id: expect.any(Number), article: hers.slug, body: 'Nice', createdAt: expect.any(String) }],
      favorites: [hers.slug],
      following: ['anna'],
    });

    // Nobody else's, not even an admin's: for them the job does not exist.
    expectProblem(await http.call('GET', `/api/jobs/${id}/result`, { token: anna }), 404, 'JOB_NOT_FOUND');
    // An import has no result.
    const imported = await http.call('POST', '/api/articles/imports', {
      token: jake,
      body: { articles: [{ title: 'T', description: 'd', body: 'b' }] },
    });
    await http.memory.useCases.runJob(imported.body.job.id);
    expectProblem(await http.call('GET', `/api/jobs/${imported.body.job.id}/result`, { token: jake }), 404, 'JOB_RESULT_NOT_FOUND');
  });

  it('keeps the result for 24 hours, then forgets it', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const { id } = (await http.call('POST', '/api/user/export', { token: jake })).body.job;
    await http.memory.useCases.runJob(id);
    expect((await http.call('GET', `/api/jobs/${id}/result`, { token: jake })).status).toBe(200);
    await http.memory.clock.wait(24 * 3600 * 1000);
    expect(await http.memory.useCases.forgetJobResults()).toBe(1);
    // A day on, the harness's sessions have expired too: sign in again.
    const login = await http.call('POST', '/api/users/login', { body: { user: { email: 'jake@example.com', password: 'password123' } } });
    expectProblem(await http.call('GET', `/api/jobs/${id}/result`, { token: login.body.user.token }), 404, 'JOB_RESULT_NOT_FOUND');
  });

  it('a canceled export keeps no result', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const { id } = (await http.call('POST', '/api/user/export', { token: jake })).body.job;
    expect((await http.call('POST', `/api/jobs/${id}/cancel`, { token: jake })).body.job.status).toBe('canceled');
    await http.memory.useCases.runJob(id);
    expectProblem(await http.call('GET', `/api/jobs/${id}/result`, { token: jake }), 404, 'JOB_RESULT_NOT_FOUND');
  });
});
