import { normalizeEmail, type Tenant } from '@conduit/domain';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import type { Authentication } from '../auth/authenticate.js';
import type { ProblemSpec } from '../problems/problem.js';
import { problemResponse } from '../problems/problem.js';
import type { RateLimitBudgets } from './budgets.js';
import type { ClientAddress } from './client-address.js';
import { type CountingStore, Limiter, type Quota } from './limiter.js';
import { quotaHeaders, retryAfterSeconds } from './quota-headers.js';
import type { LoginAttempts, RateLimits } from './rate-limits.types.js';

export type RateLimitSettings = {
  readonly budgets: RateLimitBudgets;
  readonly clientAddress: ClientAddress;
  /** Where the counts live; this process's memory unless said otherwise. */
  readonly store?: CountingStore;
};

const rateLimited = (quotas: readonly Quota[]): ProblemSpec => {
  const retryAfter = retryAfterSeconds(quotas);
  return {
    status: 429,
    code: 'RATE_LIMITED',
    title: 'Too many requests',
    detail: `Rate limit reached; retry in ${retryAfter} s.`,
    errors: { requests: [`are too many; try again in ${retryAfter} seconds`] },
    headers: { 'Retry-After': String(retryAfter), ...quotaHeaders(quotas) },
  };
};

type Env = AppEnv & { Variables: { authentication: () => Promise<Authentication> } };

/**
 * Every budget is the tenant's: a user, an address or an account is counted at each publication
 * apart (the same email is another account at another tenant, and guessing its password at one
 * locks nothing at the other).
 */
const inTenant = (tenant: Tenant | undefined, key: string): string => `tenant:${tenant?.id ?? 'none'}:${key}`;

export const createRateLimits = (settings: RateLimitSettings): RateLimits => {
  const { budgets, clientAddress, store } = settings;
  const anonymous = new Limiter(budgets.anonymous, store);
  const authenticated = new Limiter(budgets.authenticated, store);
  const loginPerAccount = new Limiter(budgets.loginPerAccount, store);
  const loginPerAddress = new Limiter(budgets.loginPerAddress, store);
  const signUpPerAddress = new Limiter(budgets.signUpPerAddress, store);

  /** Per user when a valid token is sent, else per client address. */
  const everyRequest = createMiddleware<Env>(async (c, next) => {
    const who = await c.get('authentication')();
    const verdict =
      who.kind === 'user'
        ? await authenticated.consume(inTenant(c.get('tenant'), `user:${who.actor.userId}`))
        : await anonymous.consume(inTenant(c.get('tenant'), `address:${clientAddress(c)}`));
    if (!verdict.allowed) return problemResponse(c, rateLimited([verdict.quota]));
    for (const [name, value] of Object.entries(quotaHeaders([verdict.quota]))) c.header(name, value);
    await next();
  });

  /** POST /api/users: every attempt counts. */
  const signUp: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const verdict = await signUpPerAddress.consume(inTenant(c.get('tenant'), `address:${clientAddress(c)}`));
    if (!verdict.allowed) return problemResponse(c, rateLimited([verdict.quota]));
    await next();
  };

  /**
   * Logins: one attempt is counted against the account (the normalised email login uses) and the
   * address before the password is checked, so N parallel guesses against a budget of 5 check at
   * most 5. The use case's outcome settles it: a failure stays counted, a success clears the
   * account and gives the address its point back, anything else (a defect, a busy database)
   * gives both back.
   */
  const loginAttempts: LoginAttempts = {
    begin: async (c, email) => {
      const accountKey = inTenant(c.get('tenant'), `account:${normalizeEmail(email)}`);
      const addressKey = inTenant(c.get('tenant'), `address:${clientAddress(c)}`);
      const verdicts = [await loginPerAddress.consume(addressKey), await loginPerAccount.consume(accountKey)];
      const quotas = verdicts.map((verdict) => verdict.quota);
      const refused = verdicts.filter((verdict) => !verdict.allowed).map((verdict) => verdict.quota);
      if (refused.length > 0) return { allowed: false, refusal: rateLimited(refused) };
      return {
        allowed: true,
        headers: quotaHeaders(quotas),
        settle: async (outcome) => {
          if (outcome === 'failed') return;
          if (outcome === 'succeeded') await loginPerAccount.reset(accountKey);
          else await loginPerAccount.refund(accountKey);
          await loginPerAddress.refund(addressKey);
        },
      };
    },
  };

  return { everyRequest: everyRequest as MiddlewareHandler, signUp, loginAttempts };
};
