import { randomBytes } from 'node:crypto';
import { type SessionId, userId } from '@conduit/domain';
import { jwtVerify, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { Argon2PasswordHasher } from './argon2-password-hasher.js';
import { JoseTokens } from './jose-tokens.js';
import { RandomSuffixGenerator } from './random-suffix-generator.js';

const current = { kid: 'k2', secret: randomBytes(32) };
const previous = { kid: 'k1', secret: randomBytes(32) };
const settings = { keys: [current], issuer: 'conduit', audience: 'conduit-api', ttlSeconds: 60, leewaySeconds: 5 };

describe('Argon2PasswordHasher', () => {
  it('hashes with argon2id at the OWASP parameters and verifies', async () => {
    const hasher = new Argon2PasswordHasher();
    const hash = await hasher.hash('correct horse');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'correct horse')).toBe(true);
    expect(await hasher.verify(hash, 'wrong horse')).toBe(false);
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('asks for a rehash of hashes made with weaker parameters or another variant', async () => {
    const weak = new Argon2PasswordHasher({ memoryCost: 4096, timeCost: 1, parallelism: 1 });
    const old = await weak.hash('correct horse');
    const current = new Argon2PasswordHasher();
    expect(await current.verify(old, 'correct horse')).toBe(true);
    expect(current.needsRehash(old)).toBe(true);
    expect(current.needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
    expect(current.needsRehash('$2b$10$bcrypthashbcrypthashbcrypthash')).toBe(true);
  });
});

describe('JoseTokens', () => {
  const tokens = new JoseTokens(settings);

  const session = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}` as SessionId;
  const claimsOf = (n: number) => ({ userId: userId(n), sessionId: session(n) });

  it('round-trips the user and session ids', async () => {
    expect((await tokens.verify(await tokens.issue(claimsOf(42))))._unsafeUnwrap()).toEqual(claimsOf(42));
  });

  it('refuses a token without a session id, or with one that is not a UUID (tokens from before sessions)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = (sid?: unknown) =>
      new SignJWT(sid === undefined ? {} : { sid })
        .setProtectedHeader({ alg: 'HS256', kid: current.kid })
        .setSubject('1')
        .setIssuer('conduit')
        .setAudience('conduit-api')
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(current.secret);
    expect((await tokens.verify(await signed()))._unsafeUnwrapErr().type).toBe('InvalidToken');
    for (const sid of ['x', 42, session(1).toUpperCase(), `${session(1)} `]) {
      expect((await tokens.verify(await signed(sid))).isErr(), JSON.stringify(sid)).toBe(true);
    }
    expect((await tokens.verify(await signed(session(1))))._unsafeUnwrap()).toEqual(claimsOf(1));
  });

  it('refuses tokens with alg "none", another secret, audience or issuer, or expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsecured = new UnsecuredJWT({ sid: session(1) })
      .setSubject('1')
      .setIssuer('conduit')
      .setAudience('conduit-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    const sign = (claims: { iss?: string; aud?: string; exp?: number }, secret = current.secret) =>
      new SignJWT({ sid: session(1) })
        .setProtectedHeader({ alg: 'HS256', kid: 'k2' })
        .setSubject('1')
        .setIssuer(claims.iss ?? 'conduit')
        .setAudience(claims.aud ?? 'conduit-api')
        .setIssuedAt(now - 3600)
        .setExpirationTime(claims.exp ?? now + 3600)
        .sign(secret);
    for (const token of [
      unsecured,
      await sign({}, randomBytes(32)),
      await sign({ aud: 'other' }),
      await sign({ iss: 'other' }),
      await sign({ exp: now - 60 }),
      'not.a.jwt',
    ]) {
      expect((await tokens.verify(token)).isErr(), token).toBe(true);
    }
    expect((await tokens.verify(await sign({ exp: now - 2 }))).isOk()).toBe(true);
  });

  it('accepts only the canonical decimal form of an existing id as the subject', async () => {
    const withSubject = (sub: string) =>
      new SignJWT({ sid: session(1) })
        .setProtectedHeader({ alg: 'HS256', kid: current.kid })
        .setSubject(sub)
        .setIssuer('conduit')
        .setAudience('conduit-api')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(current.secret);
    expect((await tokens.verify(await withSubject('2147483647'))).isOk()).toBe(true);
    for (const sub of ['2147483648', '99999999999999999999', ' 5 ', '1e0', '05', '5.0', '0x5', '-5', '0', '']) {
      expect((await tokens.verify(await withSubject(sub))).isErr(), `sub ${JSON.stringify(sub)}`).toBe(true);
    }
  });

  it('refuses a secret shorter than 32 bytes, no keys, or a repeated key id', () => {
    expect(() => new JoseTokens({ ...settings, keys: [{ kid: 'short', secret: randomBytes(16) }] })).toThrow();
    expect(() => new JoseTokens({ ...settings, keys: [] })).toThrow();
    expect(() => new JoseTokens({ ...settings, keys: [current, { ...previous, kid: 'k2' }] })).toThrow();
  });

  it('rotates keys by kid: old tokens work until their key is removed', async () => {
    const before = new JoseTokens({ ...settings, keys: [previous] });
    const oldToken = await before.issue(claimsOf(7));
    const rotated = new JoseTokens({ ...settings, keys: [current, previous] });
    const newToken = await rotated.issue(claimsOf(8));
    expect(JSON.parse(Buffer.from(newToken.split('.')[0] as string, 'base64url').toString()).kid).toBe('k2');
    expect((await rotated.verify(oldToken))._unsafeUnwrap()).toEqual(claimsOf(7));
    expect((await rotated.verify(newToken))._unsafeUnwrap()).toEqual(claimsOf(8));
    const retired = new JoseTokens({ ...settings, keys: [current] });
    expect((await retired.verify(oldToken)).isErr()).toBe(true);
    expect((await retired.verify(newToken)).isOk()).toBe(true);
  });

  it('refuses a token without kid or naming an unknown key, even when signed with a known secret', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = (kid?: string) =>
      new SignJWT({ sid: session(1) })
        .setProtectedHeader(kid ? { alg: 'HS256', kid } : { alg: 'HS256' })
        .setSubject('1')
        .setIssuer('conduit')
        .setAudience('conduit-api')
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(current.secret);
    expect((await tokens.verify(await claims())).isErr()).toBe(true);
    expect((await tokens.verify(await claims('k9'))).isErr()).toBe(true);
    expect((await tokens.verify(await claims('k2'))).isOk()).toBe(true);
  });

  it('signs HS256 with the secret itself: a token it issues verifies against the raw bytes', async () => {
    // The secret is imported once as a WebCrypto key; tokens must stay what a raw-secret HS256 makes,
    // so tokens issued before a deploy and after it verify alike, here and anywhere else.
    const token = await tokens.issue(claimsOf(7));
    const { payload, protectedHeader } = await jwtVerify(token, current.secret, { algorithms: ['HS256'] });
    expect(protectedHeader).toMatchObject({ alg: 'HS256', kid: 'k2' });
    expect(payload).toMatchObject({ sub: '7', sid: session(7) });
    await expect(jwtVerify(token, previous.secret, { algorithms: ['HS256'] })).rejects.toThrow();
  });
});

describe('RandomSuffixGenerator', () => {
  it('makes short, URL-safe, varied suffixes', () => {
    const generator = new RandomSuffixGenerator();
    const suffixes = new Set(Array.from({ length: 200 }, () => generator.next()));
    expect(suffixes.size).toBe(200);
    for (const suffix of suffixes) expect(suffix).toMatch(/^[0-9a-z]{6}$/);
  });
});

describe('Argon2PasswordHasher concurrency', () => {
  it('runs at most the configured number of hashes at once, and all of them complete', async () => {
    const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }, 1);
    const hashes = await Promise.all(Array.from({ length: 4 }, (_, i) => hasher.hash(`password-${i}`)));
    expect(new Set(hashes).size).toBe(4);
    expect(await hasher.verify(hashes[2] as string, 'password-2')).toBe(true);
  });
});
