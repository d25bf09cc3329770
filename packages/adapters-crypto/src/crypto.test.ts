import { randomBytes } from 'node:crypto';
import { userId } from '@conduit/domain';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { Argon2PasswordHasher } from './argon2-password-hasher.js';
import { JoseTokens } from './jose-tokens.js';
import { RandomSuffixGenerator } from './random-suffix-generator.js';

const settings = { secret: randomBytes(32), issuer: 'conduit', audience: 'conduit-api', ttlSeconds: 60, leewaySeconds: 5 };

describe('Argon2PasswordHasher', () => {
  it('hashes with argon2id at the OWASP parameters and verifies', async () => {
    const hasher = new Argon2PasswordHasher();
    const hash = await hasher.hash('correct horse');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'correct horse')).toBe(true);
    expect(await hasher.verify(hash, 'wrong horse')).toBe(false);
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
  });
});

describe('JoseTokens', () => {
  const tokens = new JoseTokens(settings);

  it('round-trips the user id', async () => {
    expect((await tokens.verify(await tokens.issue(userId(42))))._unsafeUnwrap()).toBe(42);
  });

  it('refuses tokens with alg "none", another secret, audience or issuer, or expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsecured = new UnsecuredJWT({}).setSubject('1').setIssuer('conduit').setAudience('conduit-api').setIssuedAt().setExpirationTime('1h').encode();
    const sign = (claims: { iss?: string; aud?: string; exp?: number }, secret = settings.secret) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
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

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => new JoseTokens({ ...settings, secret: randomBytes(16) })).toThrow();
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
