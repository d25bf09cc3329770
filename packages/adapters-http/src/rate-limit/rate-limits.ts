import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import type { Authentication } from '../auth/authenticate.js';
import type { ProblemSpec } from '../problems/problem.js';
import { problemResponse } from '../problems/problem.js';
import type { RateLimitBudgets } from './budgets.js';
import type { RateLimits } from './rate-limits.types.js';
import type { ClientAddress } from './client-address.js';
import { Limiter, type Quota } from './limiter.js';
import { quotaHeaders, retryAfterSeconds } from './quota-headers.js';

export type RateLimitSettings = {
  readonly budgets: RateLimitBudgets;
  readonly clientAddress: ClientAddress;
  /** An ioredis client: budgets are then shared by every instance. */
  readonly redis?: unknown;
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

export const createRateLimits = (settings: RateLimitSettings): RateLimits => {
  const { budgets, clientAddress, redis } = settings;
  const anonymous = new Limiter(budgets.anonymous, redis);
  const authenticated = new Limiter(budgets.authenticated, redis);
  const loginPerAccount = new Limiter(budgets.loginPerAccount, redis);
  const loginPerAddress = new Limiter(budgets.loginPerAddress, redis);
  const signUpPerAddress = new Limiter(budgets.signUpPerAddress, redis);

  /** Per user when a valid token is sent, else per client address. */
  const everyRequest = createMiddleware<Env>(async (c, next) => {
    const who = await c.get('authentication')();
    const verdict =
      who.kind === 'user'
        ? await authenticated.consume(`user:${who.actor.userId}`)
        : await anonymous.consume(`address:${clientAddress(c)}`);
    if (!verdict.allowed) return problemResponse(c, rateLimited([verdict.quota]));
    for (const [name, value] of Object.entries(quotaHeaders([verdict.quota]))) c.header(name, value);
    await next();
  });

  /** POST /api/users: every attempt counts. */
  const signUp: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const verdict = await signUpPerAddress.consume(`address:${clientAddress(c)}`);
    if (!verdict.allowed) return problemResponse(c, rateLimited([verdict.quota]));
    await next();
  };

  /**
   * POST /api/users/login: only failures count, per account and per address; a blocked account or
   * address is refused before its password is even checked. A success clears the account's count.
   */
  const login: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const email = await emailOf(c.req.json.bind(c.req));
    const accountKey = email === undefined ? undefined : `account:${email}`;
    const addressKey = `address:${clientAddress(c)}`;
    const verdicts = [await loginPerAddress.peek(addressKey), ...(accountKey ? [await loginPerAccount.peek(accountKey)] : [])];
    const quotas = verdicts.map((verdict) => verdict.quota);
    if (verdicts.some((verdict) => !verdict.allowed)) return problemResponse(c, rateLimited(quotas));
    for (const [name, value] of Object.entries(quotaHeaders(quotas))) c.header(name, value);
    await next();
    if (c.res.status === 401) {
      await loginPerAddress.consume(addressKey);
      if (accountKey) await loginPerAccount.consume(accountKey);
    } else if (c.res.status === 200 && accountKey) {
      await loginPerAccount.reset(accountKey);
    }
  };

  return { everyRequest: everyRequest as MiddlewareHandler, signUp, login };
};

/** The login's email, read leniently: a malformed body is left for the validator to answer. */
const emailOf = async (readJson: () => Promise<unknown>): Promise<string | undefined> => {
  try {
    const body = (await readJson()) as { user?: { email?: unknown } } | null;
    const email = body?.user?.email;
    return typeof email === 'string' && email.length <= 254 ? email.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
};

