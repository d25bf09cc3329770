import type { Context, MiddlewareHandler } from 'hono';
import type { ProblemSpec } from '../problems/problem.js';

/** How a counted login attempt ended, from the use case's outcome (not from a status code). */
export type LoginOutcome = 'succeeded' | 'failed' | 'other';

export type LoginAttempt =
  | { readonly allowed: false; readonly refusal: ProblemSpec }
  | {
      readonly allowed: true;
      /** Quota headers for the answer. */
      readonly headers: Record<string, string>;
      settle(outcome: LoginOutcome): Promise<void>;
    };

/** Counts a login attempt for an email before its password is checked. */
export type LoginAttempts = { begin(c: Context, email: string): Promise<LoginAttempt> };

/** What the app installs: a guard on every API request, one on sign-ups, and login attempts. */
export type RateLimits = {
  readonly everyRequest: MiddlewareHandler;
  readonly signUp: MiddlewareHandler;
  readonly loginAttempts: LoginAttempts;
};
