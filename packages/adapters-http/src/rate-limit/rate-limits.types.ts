import type { MiddlewareHandler } from 'hono';

/** The three guards the app installs: every API request, sign-ups, and logins. */
export type RateLimits = {
  readonly everyRequest: MiddlewareHandler;
  readonly signUp: MiddlewareHandler;
  readonly login: MiddlewareHandler;
};
