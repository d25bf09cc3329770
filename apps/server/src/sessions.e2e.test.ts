import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createConduitClient } from '@conduit/client';
import { describe, expect, it } from 'vitest';
import { serverForThisFile } from './testing/spawn-server.js';

const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));

const target = serverForThisFile();

const anonymous = () => createConduitClient({ baseUrl: target.server.baseUrl });
const as = (token: string) => createConduitClient({ baseUrl: target.server.baseUrl, token });
const conduit = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: target.database.url }, encoding: 'utf8' });

const signUp = async (username: string) => {
  const { data, error } = await anonymous().POST('/api/users', {
    body: { user: { username, email: `${username}@example.com`, password: 'password123' } },
  });
  if (!data) throw new Error(JSON.stringify(error));
  return data.user.token;
};
const logIn = async (username: string, password = 'password123') =>
  anonymous().POST('/api/users/login', { body: { user: { email: `${username}@example.com`, password } } });
const tokenOf = async (username: string, password = 'password123') => (await logIn(username, password)).data?.user.token ?? '';
const statusWith = async (token: string) => (await as(token).GET('/api/user')).response.status;

describe('sessions against the built server on PostgreSQL', () => {
  it('refuse a token from the very next request after each way of ending it', async () => {
    // Logout (this session, then every session).
    const first = await signUp('ender');
    const second = await tokenOf('ender');
    expect((await as(first).GET('/api/user/sessions')).data?.sessions).toHaveLength(2);
    expect((await as(first).POST('/api/user/logout')).response.status).toBe(204);
    expect(await statusWith(first)).toBe(401);
    expect(await statusWith(second)).toBe(200);
    const third = await tokenOf('ender');
    expect((await as(second).POST('/api/user/logout', { params: { query: { all: 'true' } } })).response.status).toBe(204);
    expect([await statusWith(second), await statusWith(third)]).toEqual([401, 401]);

    // A password change ends the other sessions; this one goes on, with the old token and the fresh one.
    const here = await tokenOf('ender');
    const elsewhere = await tokenOf('ender');
    const changed = await as(here).PUT('/api/user', { body: { user: { password: 'another-password' } } });
    expect(changed.response.status).toBe(200);
    expect(await statusWith(elsewhere)).toBe(401);
    expect([await statusWith(here), await statusWith(changed.data?.user.token ?? '')]).toEqual([200, 200]);

    // An operator's revoke, then lock.
    const revoked = await tokenOf('ender', 'another-password');
    expect(conduit('users', 'revoke', 'ender').stdout).toBe('ender: 2 sessions ended\n');
    expect([await statusWith(revoked), await statusWith(here)]).toEqual([401, 401]);
    const locked = await tokenOf('ender', 'another-password');
    expect(conduit('users', 'lock', 'ender', '--reason', 'test').status).toBe(0);
    expect(await statusWith(locked)).toBe(401);
    const refused = await logIn('ender', 'another-password');
    expect([refused.response.status, refused.error?.code]).toEqual([403, 'ACCOUNT_LOCKED']);
    expect(conduit('users', 'unlock', 'ender').status).toBe(0);

    // Erasure.
    const last = await tokenOf('ender', 'another-password');
    const wrong = await as(last).DELETE('/api/user', { body: { user: { password: 'password123' } } });
    expect([wrong.response.status, wrong.error?.code]).toEqual([403, 'WRONG_PASSWORD']);
    expect((await as(last).DELETE('/api/user', { body: { user: { password: 'another-password' } } })).response.status).toBe(204);
    expect(await statusWith(last)).toBe(401);
    expect((await anonymous().GET('/api/profiles/{username}', { params: { path: { username: 'ender' } } })).response.status).toBe(404);
    await signUp('ender');
  });

  it('export what a user made through the real queue and worker, downloadable by its owner only', async () => {
    const token = await signUp('exporter');
    const other = await signUp('onlooker');
    const me = as(token);
    const { data: created } = await me.POST('/api/articles', {
      body: { article: { title: 'Exported', description: 'd', body: 'b', tagList: ['mine'] } },
    });
    await me.POST('/api/profiles/{username}/follow', { params: { path: { username: 'onlooker' } } });
    const started = await me.POST('/api/user/export');
    expect(started.response.status).toBe(202);
    const id = started.data?.job.id ?? '';
    let status = started.data?.job.status;
    for (let poll = 0; poll < 300 && status !== 'succeeded'; poll++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await me.GET('/api/jobs/{jobId}', { params: { path: { jobId: id } } })).data?.job.status;
    }
    expect(status).toBe('succeeded');
    const result = await me.GET('/api/jobs/{jobId}/result', { params: { path: { jobId: id } } });
    expect(result.data).toMatchObject({
      user: { username: 'exporter', email: 'exporter@example.com' },
      articles: [{ title: 'Exported', tagList: ['mine'] }],
      favorites: [],
      following: ['onlooker'],
    });
    expect(created?.article.slug).toBeDefined();
    const theirs = await as(other).GET('/api/jobs/{jobId}/result', { params: { path: { jobId: id } } });
    expect([theirs.response.status, theirs.error?.code]).toEqual([404, 'JOB_NOT_FOUND']);
  });

  it('end under load: once the logout is answered, no request with its token succeeds', async () => {
    const token = await signUp('busy');
    let stop = false;
    const afterLogout: number[] = [];
    let loggedOutAt = Number.POSITIVE_INFINITY;
    const client = as(token);
    const reader = async () => {
      while (!stop) {
        const sent = performance.now();
        const status = (await client.GET('/api/user')).response.status;
        if (sent > loggedOutAt) afterLogout.push(status);
      }
    };
    const readers = Array.from({ length: 8 }, reader);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await as(token).POST('/api/user/logout')).response.status).toBe(204);
    loggedOutAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await Promise.all(readers);
    expect(afterLogout.length).toBeGreaterThan(0);
    expect(afterLogout.filter((status) => status !== 401)).toEqual([]);
  });
});
