import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';
import { flagDefaults } from './feature-flags.js';

describe('parseConfig', () => {
  it('applies defaults', () => {
    const result = parseConfig({});
    expect(result.ok && result.config).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', CORS_ORIGINS: ['*'], NODE_ENV: 'development' });
  });

  it('names the bad variable in one line', () => {
    expect(parseConfig({ PORT: 'abc' })).toEqual({ ok: false, message: expect.stringMatching(/^Invalid configuration: PORT /) });
    expect(parseConfig({ DATABASE_URL: 'mysql://x' })).toMatchObject({ ok: false, message: expect.stringContaining('DATABASE_URL') });
  });

  it('refuses production without a JWT secret or a database URL (no embedded database in production)', () => {
    const database = { DATABASE_URL: 'postgres://db.internal/conduit' };
    expect(parseConfig({ NODE_ENV: 'production', ...database })).toMatchObject({
      ok: false,
      message: expect.stringContaining('JWT_SECRET'),
    });
    expect(parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toMatchObject({
      ok: false,
      message: expect.stringContaining('DATABASE_URL'),
    });
    expect(parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ...database }).ok).toBe(true);
  });

  it('names every missing or bad setting at once', () => {
    const result = parseConfig({ NODE_ENV: 'production' });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/JWT_SECRET.*; DATABASE_URL/) });
    const bad = parseConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/PORT .*; LOG_LEVEL /) });
    expect(bad.ok || bad.message.includes('\n')).toBe(false);
  });

  it('keeps strict abuse budgets in production and roomy ones for development', () => {
    const production = parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/conduit' });
    expect(production.ok && production.config.RATE_LIMIT_SIGNUP_ADDRESS).toEqual({ points: 10, windowSeconds: 3600 });
    const development = parseConfig({});
    expect(development.ok && development.config.RATE_LIMIT_SIGNUP_ADDRESS.points).toBeGreaterThanOrEqual(1000);
    expect(development.ok && development.config.RATE_LIMIT_ANONYMOUS.points).toBeGreaterThanOrEqual(10_000);
  });

  it('parses JWT_KEYS for rotation and refuses malformed ones', () => {
    const secret = 's'.repeat(32);
    const result = parseConfig({ JWT_KEYS: `new:${secret}, old:${secret}x` });
    expect(result.ok && result.config.JWT_KEYS).toEqual([
      { kid: 'new', secret },
      { kid: 'old', secret: `${secret}x` },
    ]);
    expect(parseConfig({ JWT_KEYS: 'nokid' })).toMatchObject({ ok: false, message: expect.stringContaining('JWT_KEYS') });
    expect(parseConfig({ JWT_KEYS: `a:${secret},a:${secret}` })).toMatchObject({ ok: false, message: expect.stringContaining('JWT_KEYS') });
    expect(parseConfig({ JWT_KEYS: 'a:short' })).toMatchObject({ ok: false });
  });

  it('turns features on by default and off by configuration', () => {
    const on = parseConfig({});
    expect(on.ok && flagDefaults(on.config)).toMatchObject({ registration: true, comments: true, imports: true });
    const off = parseConfig({ FEATURE_REGISTRATION: 'false', FEATURE_COMMENTS: 'false' });
    expect(off.ok && flagDefaults(off.config)).toMatchObject({ registration: false, comments: false, imports: true });
    expect(parseConfig({ FEATURE_COMMENTS: 'maybe' })).toMatchObject({ ok: false, message: expect.stringContaining('FEATURE_COMMENTS') });
  });

  it('parses rate-limit budgets, Redis and trusted proxies', () => {
    const result = parseConfig({
      RATE_LIMIT_ANONYMOUS: '100/10',
      REDIS_URL: 'redis://cache:6379',
      TRUSTED_PROXIES: 'loopback, 10.0.0.0/8',
    });
    expect(result.ok && result.config).toMatchObject({
      RATE_LIMIT_ANONYMOUS: { points: 100, windowSeconds: 10 },
      RATE_LIMIT_LOGIN_ACCOUNT: { points: 100, windowSeconds: 900 },
      REDIS_URL: 'redis://cache:6379',
      TRUSTED_PROXIES: ['loopback', '10.0.0.0/8'],
    });
    expect(parseConfig({ RATE_LIMIT_ANONYMOUS: 'lots' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('RATE_LIMIT_ANONYMOUS'),
    });
  });

  it('splits CORS origins', () => {
    const result = parseConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(result.ok && result.config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('runs one process per available core in production, one in development, or WEB_CONCURRENCY', () => {
    const production = parseConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/conduit' });
    expect(production.ok && production.config.WEB_CONCURRENCY).toBe(availableParallelism());
    const development = parseConfig({});
    expect(development.ok && development.config.WEB_CONCURRENCY).toBe(1);
    const chosen = parseConfig({ WEB_CONCURRENCY: '3' });
    expect(chosen.ok && chosen.config.WEB_CONCURRENCY).toBe(3);
    expect(parseConfig({ WEB_CONCURRENCY: '0' })).toMatchObject({ ok: false, message: expect.stringContaining('WEB_CONCURRENCY') });
  });
});
