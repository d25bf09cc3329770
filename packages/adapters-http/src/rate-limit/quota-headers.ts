import type { Quota } from './limiter.js';

/**
 * draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy` states each budget (quota q per window
 * w seconds), `RateLimit` where the client stands (r remaining, t seconds to reset).
 */
export const quotaHeaders = (quotas: readonly Quota[]): Record<string, string> => ({
  'RateLimit-Policy': quotas.map((q) => `"${q.budget.name}";q=${q.budget.points};w=${q.budget.windowSeconds}`).join(', '),
  RateLimit: quotas.map((q) => `"${q.budget.name}";r=${q.remaining};t=${q.resetSeconds}`).join(', '),
});

export const retryAfterSeconds = (quotas: readonly Quota[]): number =>
  Math.max(1, ...quotas.filter((quota) => quota.remaining === 0).map((quota) => quota.resetSeconds));
