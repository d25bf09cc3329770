import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Budget } from './budgets.js';

/** Where a budget stands for one key, as the quota headers report it. */
export type Quota = { readonly budget: Budget; readonly remaining: number; readonly resetSeconds: number };

export type Verdict = { readonly allowed: boolean; readonly quota: Quota };

/** One budget, counted per key, in memory or in Redis (shared by every instance). */
export class Limiter {
  private readonly counter: RateLimiterMemory | RateLimiterRedis;

  constructor(
    readonly budget: Budget,
    redis?: unknown,
  ) {
    const options = { points: budget.points, duration: budget.windowSeconds, keyPrefix: `conduit:rl:${budget.name}` };
    this.counter = redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: redis,
          // If Redis fails, each instance keeps counting on its own rather than letting everything through.
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
  }

  /** Counts one request against the key. */
  async consume(key: string): Promise<Verdict> {
    try {
      return { allowed: true, quota: this.quota(await this.counter.consume(key)) };
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return { allowed: false, quota: this.quota(outcome) };
      throw outcome;
    }
  }

  /** Gives back one point counted earlier (an attempt that turned out not to count). */
  async refund(key: string): Promise<void> {
    await this.counter.reward(key, 1);
  }

  async reset(key: string): Promise<void> {
    await this.counter.delete(key);
  }

  private quota(state: RateLimiterRes): Quota {
    return {
      budget: this.budget,
      remaining: Math.max(0, state.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)),
    };
  }
}
