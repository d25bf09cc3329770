import { systemActor } from '@conduit/domain';
import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem, type HttpTestHarness } from '../testing/http-test-harness.js';

const login = async (http: HttpTestHarness, username: string, password = 'password123', userAgent = 'Test/1.0') => {
  const result = await http.call('POST', '/api/users/login', {
    body: { user: { email: `${username}@example.com`, password } },
    headers: { 'User-Agent': userAgent },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.user.token as string;
};

const works = async (http: HttpTestHarness, token: string) => (await http.call('GET', '/api/user', { token })).status === 200;

const sessionsOf = async (http: HttpTestHarness, token: string) => {
  const result = await http.call('GET', '/api/user/sessions', { token });
  expect(result.status).toBe(200);
  return result.body.sessions as { id: string; current: boolean; userAgent: string | null; address: string | null }[];
};

describe('sessions', () => {
  it('are started by sign-up and each log-in, listed with the current one marked and where they came from', async () => {
    const http = createHttpTestHarness();
    const first = await http.register('jake');
    const second = await login(http, 'jake', 'password123', 'Firefox/140');
    const seenFromSecond = await sessionsOf(http, second);
    expect(seenFromSecond).toHaveLength(2);
    expect(seenFromSecond.filter((session) => session.current)).toHaveLength(1);
    const current = seenFromSecond.find((session) => session.current);
    expect(current).toMatchObject({ userAgent: 'Firefox/140', address: '203.0.113.10' });
    const seenFromFirst = await sessionsOf(http, first);
    expect(seenFromFirst.find((session) => session.current)?.id).not.toBe(current?.id);
    // Nobody else's sessions are listed.
    const other = await http.register('anna');
    expect(await sessionsOf(http, other)).toHaveLength(1);
  });

  it('end with a logout: its token is refused from the next request, other sessions go on', async () => {
    const http = createHttpTestHarness();
    const first = await http.register('jake');
    const second = await login(http, 'jake');
    const out = await http.call('POST', '/api/user/logout', { token: first });
    expect(out.status).toBe(204);
    expectProblem(await http.call('GET', '/api/user', { token: first }), 401, 'UNAUTHENTICATED');
    expectProblem(await http.call('POST', '/api/user/logout', { token: first }), 401, 'UNAUTHENTICATED');
    expect(await works(http, second)).toBe(true);
    // An optional-auth read with the ended token is served as anonymous, as with any invalid token.
    expect((await http.call('GET', '/api/articles', { token: first })).status).toBe(200);
  });

  it('all end with logout?all=true', async () => {
    const http = createHttpTestHarness();
    const tokens = [await http.register('jake'), await login(http, 'jake'), await login(http, 'jake')];
    expect((await http.call('POST', '/api/user/logout?all=true', { token: tokens[1] })).status).toBe(204);
    for (const token of tokens) expect(await works(http, token)).toBe(false);
    expect(await works(http, await login(http, 'jake'))).toBe(true);
  });

  it("end one by one by their owner; another user's session id is not found", async () => {
    const http = createHttpTestHarness();
    const first = await http.register('jake');
    const second = await login(http, 'jake');
    const anna = await http.register('anna');
    const [annas] = await sessionsOf(http, anna);
    expectProblem(await http.call('DELETE', `/api/user/sessions/${annas?.id}`, { token: first }), 404, 'SESSION_NOT_FOUND');
    expect(await works(http, anna)).toBe(true);
    expectProblem(await http.call('DELETE', '/api/user/sessions/not-a-uuid', { token: first }), 404, 'SESSION_NOT_FOUND');
    const secondId = (await sessionsOf(http, second)).find((session) => session.current)?.id;
    expect((await http.call('DELETE', `/api/user/sessions/${secondId}`, { token: first })).status).toBe(204);
    expect(await works(http, second)).toBe(false);
    expect(await works(http, first)).toBe(true);
    expectProblem(await http.call('DELETE', `/api/user/sessions/${secondId}`, { token: first }), 404, 'SESSION_NOT_FOUND');
  });

  describe('PUT /api/user', () => {
    it('changing the password ends every other session; this one goes on with a fresh token and the old one', async () => {
      const http = createHttpTestHarness();
      const here = await http.register('jake');
      const elsewhere = await login(http, 'jake');
      const changed = await http.call('PUT', '/api/user', { token: here, body: { user: { password: 'a-new-password' } } });
      expect(changed.status).toBe(200);
      const fresh = changed.body.user.token as string;
      expect(await works(http, elsewhere)).toBe(false);
      expect(await works(http, here)).toBe(true);
      expect(await works(http, fresh)).toBe(true);
      expect(await sessionsOf(http, fresh)).toHaveLength(1);
      await login(http, 'jake', 'a-new-password');
    });

    it('changing the email ends every other session', async () => {
      const http = createHttpTestHarness();
      const here = await http.register('jake');
      const elsewhere = await login(http, 'jake');
      expect((await http.call('PUT', '/api/user', { token: here, body: { user: { email: 'JAKE2@example.com' } } })).status).toBe(200);
      expect(await works(http, elsewhere)).toBe(false);
      expect(await works(http, here)).toBe(true);
    });

    it('the settings form sent back whole (same email in other case, "" password) ends no session', async () => {
      const http = createHttpTestHarness();
      const here = await http.register('jake');
      const elsewhere = await login(http, 'jake');
      const current = (await http.call('GET', '/api/user', { token: here })).body.user;
      const whole = { ...current, email: ` ${current.email.toUpperCase()} `, password: '', bio: 'new bio' };
      expect((await http.call('PUT', '/api/user', { token: here, body: { user: whole } })).status).toBe(200);
      expect(await works(http, elsewhere)).toBe(true);
      expect(await sessionsOf(http, here)).toHaveLength(2);
    });
  });
});

describe('accounts, for admins', () => {
  const world = async () => {
    const http = createHttpTestHarness();
    const admin = await http.register('admin');
    (await http.memory.useCases.setUserRole({ actor: systemActor('test') }, { username: 'admin', role: 'admin' }))._unsafeUnwrap();
    const target = [await http.register('spammer'), await login(http, 'spammer')];
    return { http, admin, target };
  };

  it('a lock ends every session and refuses sign-in (only once the password is right); an unlock lets it sign in again', async () => {
    const { http, admin, target } = await world();
    const locked = await http.call('PUT', '/api/admin/users/spammer/lock', { token: admin, body: { lock: { reason: ' spam ' } } });
    expect(locked.status).toBe(200);
    expect(locked.body.account).toMatchObject({ username: 'spammer', lock: { by: expect.stringMatching(/^user:\d+$/), reason: 'spam' } });
    expect(locked.body.account.sessionsEnded).toBe(2);
    for (const token of target) expect(await works(http, token)).toBe(false);
    const refused = await http.call('POST', '/api/users/login', {
      body: { user: { email: 'spammer@example.com', password: 'password123' } },
    });
    expectProblem(refused, 403, 'ACCOUNT_LOCKED');
    const wrong = await http.call('POST', '/api/users/login', { body: { user: { email: 'spammer@example.com', password: 'wrong-one' } } });
    expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
    // The content stays visible.
    expect((await http.call('GET', '/api/profiles/spammer')).status).toBe(200);
    const unlocked = await http.call('DELETE', '/api/admin/users/spammer/lock', { token: admin });
    expect(unlocked.body.account).toEqual({ username: 'spammer', lock: null, sessionsEnded: 0 });
    for (const token of target) expect(await works(http, token)).toBe(false);
    expect(await works(http, await login(http, 'spammer'))).toBe(true);
  });

  it('ending a user’s sessions refuses each of their tokens, and leaves the account open', async () => {
    const { http, admin, target } = await world();
    expect((await http.call('DELETE', '/api/admin/users/spammer/sessions', { token: admin })).status).toBe(204);
    for (const token of target) expect(await works(http, token)).toBe(false);
    expect(await works(http, await login(http, 'spammer'))).toBe(true);
    expect(await works(http, admin)).toBe(true);
  });

  it('is refused to users, and to admins acting on admins (themselves included); a reason is required', async () => {
    const { http, admin, target } = await world();
    const [spammer] = target;
    const lock = { body: { lock: { reason: 'x' } } };
    expectProblem(await http.call('PUT', '/api/admin/users/admin/lock', { token: spammer, ...lock }), 403, 'ACCOUNT_ACTION_FORBIDDEN');
    expectProblem(await http.call('PUT', '/api/admin/users/admin/lock', { token: admin, ...lock }), 403, 'ACCOUNT_ACTION_FORBIDDEN');
    expectProblem(await http.call('DELETE', '/api/admin/users/admin/sessions', { token: spammer }), 403, 'ACCOUNT_ACTION_FORBIDDEN');
    expectProblem(await http.call('PUT', '/api/admin/users/nobody/lock', { token: admin, ...lock }), 404, 'PROFILE_NOT_FOUND');
    const blank = await http.call('PUT', '/api/admin/users/spammer/lock', { token: admin, body: { lock: { reason: '  ' } } });
    expectProblem(blank, 422, 'VALIDATION_FAILED');
    expect(blank.body.errors).toEqual({ reason: ["can't be blank"] });
    expect(await works(http, admin)).toBe(true);
  });
});

describe('DELETE /api/user', () => {
  it('erases the account with its password: its tokens are refused, its content gone, its name and email free', async () => {
    const http = createHttpTestHarness();
    const jake = await http.register('jake');
    const elsewhere = await login(http, 'jake');
    const anna = await http.register('anna');
    const { slug } = await http.createArticle(jake, { tagList: ['dragons'] });
    const annas = await http.createArticle(anna, { title: 'By Anna', tagList: ['dragons'] });
    await http.call('POST', `/api/articles/${annas.slug}/favorite`, { token: jake });
    await http.call('POST', `/api/articles/${annas.slug}/comments`, { token: jake, body: { comment: { body: 'mine' } } });
    await http.call('POST', `/api/articles/${slug}/comments`, { token: anna, body: { comment: { body: 'on his' } } });
    await http.call('POST', '/api/profiles/anna/follow', { token: jake });
    await http.call('POST', '/api/profiles/jake/follow', { token: anna });

    const wrong = await http.call('DELETE', '/api/user', { token: jake, body: { user: { password: 'not-his-password' } } });
    expectProblem(wrong, 403, 'WRONG_PASSWORD');
    expect(await works(http, jake)).toBe(true);

    expect((await http.call('DELETE', '/api/user', { token: jake, body: { user: { password: 'password123' } } })).status).toBe(204);
    for (const token of [jake, elsewhere]) expect(await works(http, token)).toBe(false);
    expectProblem(await http.call('GET', '/api/profiles/jake'), 404, 'PROFILE_NOT_FOUND');
    expectProblem(await http.call('GET', `/api/articles/${slug}`), 404, 'ARTICLE_NOT_FOUND');
    const annasNow = (await http.call('GET', `/api/articles/${annas.slug}`)).body.article;
    expect(annasNow.favoritesCount).toBe(0);
    expect((await http.call('GET', `/api/articles/${annas.slug}/comments`)).body.comments).toEqual([]);
    expect((await http.call('GET', '/api/tags')).body.tags).toEqual(['dragons']);
    expect((await http.call('GET', '/api/articles?tag=dragons')).body.articlesCount).toBe(1);
    expect((await http.call('GET', '/api/articles/feed', { token: anna })).body.articlesCount).toBe(0);
    // The username and the email are free again.
    await http.register('jake');
  });

  it('counts wrong passwords against the account as a login does', async () => {
    const http = createHttpTestHarness({}, { budgets: { loginPerAccount: { name: 'login-account', points: 2, windowSeconds: 900 } } });
    const jake = await http.register('jake');
    const attempt = () => http.call('DELETE', '/api/user', { token: jake, body: { user: { password: 'guess-guess' } } });
    expectProblem(await attempt(), 403, 'WRONG_PASSWORD');
    expectProblem(await attempt(), 403, 'WRONG_PASSWORD');
    expectProblem(await attempt(), 429, 'RATE_LIMITED');
    const loginNow = await http.call('POST', '/api/users/login', {
      body: { user: { email: 'jake@example.com', password: 'password123' } },
    });
    expectProblem(loginNow, 429, 'RATE_LIMITED');
  });
});
