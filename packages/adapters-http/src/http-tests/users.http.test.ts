import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

describe('POST /api/users', () => {
  it('registers and signs in the user (201)', async () => {
    const http = createHttpTestHarness();
    const result = await http.call('POST', '/api/users', {
      body: { user: { username: 'jake', email: 'jake@jake.jake', password: 'jakejake' } },
    });
    expect(result.status).toBe(201);
    expect(result.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(result.body).toEqual({
      user: { email: 'jake@jake.jake', token: expect.any(String), username: 'jake', bio: null, image: null },
    });
  });

  it('names only the taken field (422)', async () => {
    const http = createHttpTestHarness();
    await http.register('jake');
    const sameName = await http.call('POST', '/api/users', {
      body: { user: { username: 'jake', email: 'other@x.io', password: 'password123' } },
    });
    expectProblem(sameName, 422, 'USERNAME_TAKEN');
    expect(sameName.body.errors).toEqual({ username: ['has already been taken'] });
    const sameEmail = await http.call('POST', '/api/users', {
      body: { user: { username: 'other', email: 'jake@example.com', password: 'password123' } },
    });
    expect(sameEmail.body.errors).toEqual({ email: ['has already been taken'] });
  });

  it('rejects invalid fields with a RealWorld field map (422); unknown keys are ignored', async () => {
    const http = createHttpTestHarness();
    const result = await http.call('POST', '/api/users', {
      body: { user: { username: '', email: 'not-an-email', admin: true } },
    });
    expectProblem(result, 422, 'VALIDATION_FAILED');
    expect(result.body.errors).toEqual({
      username: ["can't be blank"],
      email: ['is invalid'],
      password: ["can't be blank"],
    });
  });

  it('refuses sign-up and login fields that are empty or only whitespace, keyed by field (422)', async () => {
    const http = createHttpTestHarness();
    const signUp = await http.call('POST', '/api/users', { body: { user: { username: '   ', email: ' ', password: '         ' } } });
    expectProblem(signUp, 422, 'VALIDATION_FAILED');
    expect(signUp.body.errors).toEqual({ username: ["can't be blank"], email: ["can't be blank"], password: ["can't be blank"] });
    const login = await http.call('POST', '/api/users/login', { body: { user: { email: '\t', password: '  ' } } });
    expectProblem(login, 422, 'VALIDATION_FAILED');
    expect(login.body.errors).toEqual({ email: ["can't be blank"], password: ["can't be blank"] });
  });

  it('answers in our words for any shape, prototype keys included, and problem+json when asked', async () => {
    const http = createHttpTestHarness();
    const cases: [unknown, Record<string, string[]>][] = [
      [{ user: null }, { user: ["can't be blank"] }],
      [{ user: 'x' }, { user: ['must be an object'] }],
      [[], { body: ['must be an object'] }],
      [
        { user: { username: 5, email: [], password: {} } },
        { username: ['must be a string'], email: ['must be a string'], password: ['must be a string'] },
      ],
      [
        JSON.parse('{"__proto__":{"x":1},"constructor":1,"user":{"__proto__":1,"toString":1,"valueOf":2}}'),
        { username: ["can't be blank"], email: ["can't be blank"], password: ["can't be blank"] },
      ],
    ];
    for (const [body, errors] of cases) {
      const result = await http.call('POST', '/api/users', { body });
      expectProblem(result, 422, 'VALIDATION_FAILED');
      expect(result.body.errors).toEqual(errors);
    }
    const asked = await http.raw('POST', '/api/users', {
      body: '{}',
      headers: { 'Content-Type': 'application/json', Accept: 'application/problem+json' },
    });
    expect(asked.status).toBe(422);
    expect(asked.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('rejects a missing wrapper and oversized fields (422)', async () => {
    const http = createHttpTestHarness();
    expectProblem(await http.call('POST', '/api/users', { body: {} }), 422, 'VALIDATION_FAILED');
    const long = await http.call('POST', '/api/users', {
      body: { user: { username: 'a'.repeat(65), email: 'a@b.co', password: 'password123' } },
    });
    expect(long.body.errors.username).toEqual(['is too long (maximum is 64 characters)']);
  });
});

describe('POST /api/users/login', () => {
  it('signs in (200)', async () => {
    const http = createHttpTestHarness();
    await http.register('jake', 'jakejake');
    const result = await http.call('POST', '/api/users/login', {
      body: { user: { email: 'jake@example.com', password: 'jakejake' } },
    });
    expect(result.status).toBe(200);
    expect(result.body.user.username).toBe('jake');
  });

  it('answers a wrong password and an unknown email identically (401)', async () => {
    const http = createHttpTestHarness();
    await http.register('jake', 'jakejake');
    const wrong = await http.call('POST', '/api/users/login', { body: { user: { email: 'jake@example.com', password: 'nope' } } });
    const unknown = await http.call('POST', '/api/users/login', { body: { user: { email: 'who@example.com', password: 'jakejake' } } });
    expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
    expect(wrong.body.errors).toEqual({ credentials: ['invalid'] });
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
  });
});

describe('GET /api/user', () => {
  it('returns the current user for "Token" and "Bearer" schemes', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    expect((await http.call('GET', '/api/user', { token })).body.user.username).toBe('jake');
    const bearer = await http.call('GET', '/api/user', { headers: { Authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(200);
  });

  it('is 401 with WWW-Authenticate without a token or with a bad one', async () => {
    const http = createHttpTestHarness();
    const missing = await http.call('GET', '/api/user');
    expectProblem(missing, 401, 'UNAUTHENTICATED');
    expect(missing.headers.get('WWW-Authenticate')).toBe('Token realm="conduit", error="invalid_request"');
    for (const header of ['Token not-a-jwt', 'Basic abc', 'Token <script>']) {
      const bad = await http.call('GET', '/api/user', { headers: { Authorization: header } });
      expectProblem(bad, 401, 'UNAUTHENTICATED');
      expect(bad.headers.get('WWW-Authenticate')).toBe('Token realm="conduit", error="invalid_token"');
      expect(JSON.stringify(bad.body)).not.toContain('script');
    }
  });

  it('is 401 for a valid token whose user or session does not exist', async () => {
    const http = createHttpTestHarness();
    const token = await http.tokens.issue({ userId: 12345 as never, sessionId: '00000000-0000-4000-8000-000000000000' as never });
    expectProblem(await http.call('GET', '/api/user', { token }), 401, 'UNAUTHENTICATED');
  });
});

describe('PUT /api/user', () => {
  it('accepts the whole user object back: unchanged fields, "" password, "" bio/image clear', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake', 'jakejake');
    await http.call('PUT', '/api/user', { token, body: { user: { bio: 'I like dragons', image: 'https://x.io/a.png' } } });
    const current = (await http.call('GET', '/api/user', { token })).body.user;
    const result = await http.call('PUT', '/api/user', {
      token,
      body: { user: { ...current, password: '', bio: '', image: '' } },
    });
    expect(result.status).toBe(200);
    expect(result.body.user).toMatchObject({ username: 'jake', email: 'jake@example.com', bio: null, image: null });
    const login = await http.call('POST', '/api/users/login', { body: { user: { email: 'jake@example.com', password: 'jakejake' } } });
    expect(login.status).toBe(200);
  });

  it("refuses another user's email (422) and bad fields (422)", async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    await http.register('ann');
    expectProblem(await http.call('PUT', '/api/user', { token, body: { user: { email: 'ann@example.com' } } }), 422, 'EMAIL_TAKEN');
    const bad = await http.call('PUT', '/api/user', { token, body: { user: { image: 'javascript:alert(1)', role: 'admin' } } });
    expectProblem(bad, 422, 'VALIDATION_FAILED');
    expect(Object.keys(bad.body.errors)).toEqual(['image']);
    for (const user of [{}, { token: 'x', role: 'admin' }]) {
      const nothing = await http.call('PUT', '/api/user', { token, body: { user } });
      expectProblem(nothing, 422, 'VALIDATION_FAILED');
      expect(nothing.body.errors).toEqual({ user: ['must contain at least one field to change'] });
    }
    const ignored = await http.call('PUT', '/api/user', { token, body: { user: { bio: 'hi', role: 'admin', token: 'x' } } });
    expect(ignored.status).toBe(200);
    expect((await http.memory.repositories.users.findByUsername('jake'))?.role).toBe('user');
  });

  it('is 401 without a token', async () => {
    const http = createHttpTestHarness();
    expectProblem(await http.call('PUT', '/api/user', { body: { user: {} } }), 401, 'UNAUTHENTICATED');
  });
});
