import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import { createConduitClient, followJob } from '@conduit/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/dist/import-over-http.js', import.meta.url));

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await spawnServer({ DATABASE_URL: database.url, JWT_SECRET: randomBytes(32).toString('hex') });
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  await database?.drop();
});

describe('a TypeScript consumer on the typed client, over real HTTP', () => {
  it('signs up, writes, reads, imports through a job it follows to the end, and reads refusals as typed problems', async () => {
    const anonymous = createConduitClient({ baseUrl: server.baseUrl });
    const signedUp = await anonymous.POST('/api/users', {
      body: { user: { username: 'typed', email: 'typed@example.com', password: 'typed-password' } },
    });
    const token = signedUp.data?.user.token;
    expect(token).toEqual(expect.any(String));
    const client = createConduitClient({ baseUrl: server.baseUrl, token });

    const created = await client.POST('/api/articles', {
      body: { article: { title: 'Typed all the way', description: 'd', body: 'b', tagList: ['typed'] } },
    });
    expect(created.response.status).toBe(201);
    const slug = created.data?.article.slug ?? '';
    const listed = await client.GET('/api/articles', { params: { query: { tag: 'typed', limit: 10 } } });
    expect(listed.data?.articles.map((article) => article.slug)).toEqual([slug]);
    expect((await client.POST('/api/articles/{slug}/favorite', { params: { path: { slug } } })).data?.article.favorited).toBe(true);

    // A refusal is the problem document, typed by status: its code and field errors.
    const blank = await client.POST('/api/articles', { body: { article: { title: '   ', description: 'd', body: 'b' } } });
    expect(blank.response.status).toBe(422);
    expect(blank.error).toMatchObject({ code: 'VALIDATION_FAILED', errors: { title: ["can't be blank"] } });

    // A bulk import: sent once with a key (a retry would get the same job), followed to its end.
    const submitted = await client.POST('/api/articles/imports', {
      body: { articles: ['One', '   ', 'Two'].map((title) => ({ title, description: 'd', body: 'b' })) },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(submitted.response.status).toBe(202);
    const progress: string[] = [];
    const ended = await followJob(client, submitted.data?.job.id ?? '', {
      onProgress: (job) => progress.push(job.status),
      maxPollMs: 200,
    });
    expect(ended).toMatchObject({ status: 'succeeded', processed: 3, succeeded: 2, failed: 1 });
    expect(ended.errors).toEqual([{ item: 2, errors: { title: ["can't be blank"] } }]);
    expect(progress.at(-1)).toBe('succeeded');
  });

  it('reaches the rest of the document: the current user, undoing a follow and a favorite, jobs, cancel, health', async () => {
    const anonymous = createConduitClient({ baseUrl: server.baseUrl });
    for (const username of ['reacher', 'reached']) {
      await anonymous.POST('/api/users', { body: { user: { username, email: `${username}@example.com`, password: 'password123' } } });
    }
    const login = await anonymous.POST('/api/users/login', { body: { user: { email: 'reacher@example.com', password: 'password123' } } });
    const client = createConduitClient({ baseUrl: server.baseUrl, token: login.data?.user.token });
    expect((await client.GET('/api/user')).data?.user.username).toBe('reacher');

    await client.POST('/api/profiles/{username}/follow', { params: { path: { username: 'reached' } } });
    const unfollowed = await client.DELETE('/api/profiles/{username}/follow', { params: { path: { username: 'reached' } } });
    expect(unfollowed.data?.profile.following).toBe(false);

    const created = await client.POST('/api/articles', { body: { article: { title: 'Reached', description: 'd', body: 'b' } } });
    const slug = created.data?.article.slug ?? '';
    await client.POST('/api/articles/{slug}/favorite', { params: { path: { slug } } });
    const unfavorited = await client.DELETE('/api/articles/{slug}/favorite', { params: { path: { slug } } });
    expect(unfavorited.data?.article).toMatchObject({ favorited: false, favoritesCount: 0 });

    const submitted = await client.POST('/api/articles/imports', { body: { articles: [{ title: 'Job', description: 'd', body: 'b' }] } });
    const jobId = submitted.data?.job.id ?? '';
    await followJob(client, jobId, { maxPollMs: 200 });
    const jobs = await client.GET('/api/jobs', { params: { query: { limit: 5 } } });
    expect(jobs.data?.jobs.map((job) => job.id)).toContain(jobId);
    // Canceling an ended job is a typed 409 with its code.
    const cancel = await client.POST('/api/jobs/{jobId}/cancel', { params: { path: { jobId } } });
    expect(cancel.response.status).toBe(409);
    expect(cancel.error?.code).toBe('JOB_ALREADY_FINISHED');

    expect((await anonymous.GET('/livez')).response.status).toBe(200);
    expect((await anonymous.GET('/readyz')).data?.status).toBe('pass');
  });

  it('runs the example consumer script (apps/scripts import-over-http) to the end of its job', async () => {
    const signedUp = await createConduitClient({ baseUrl: server.baseUrl }).POST('/api/users', {
      body: { user: { username: 'scripted', email: 'scripted@example.com', password: 'scripted-password' } },
    });
    expect(signedUp.response.status).toBe(201);
    const folder = mkdtempSync(join(tmpdir(), 'conduit-client-'));
    const file = join(folder, 'articles.ndjson');
    writeFileSync(
      file,
      ['Scripted one', 'Scripted two'].map((title) => JSON.stringify({ article: { title, description: 'd', body: 'b' } })).join('\n'),
    );
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, file], {
      env: { ...process.env, CONDUIT_URL: server.baseUrl, CONDUIT_EMAIL: 'scripted@example.com', CONDUIT_PASSWORD: 'scripted-password' },
    });
    expect(JSON.parse(stdout)).toMatchObject({ status: 'succeeded', processed: 2, succeeded: 2, failed: 0 });
    expect(stderr).toMatch(/succeeded 2\/2/);
    rmSync(folder, { recursive: true, force: true });
  });
});
