import { type IRateLimiterOptions, RateLimiterCluster, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Budget } from './budgets.js';
import { inStoreSpan } from './store-span.js';

/** Where a budget stands for one key, as the quota headers report it. */
export type Quota = { readonly budget: Budget; readonly remaining: number; readonly resetSeconds: number };

export type Verdict = { readonly allowed: boolean; readonly quota: Quota };

/**
 * Where the counts live: this process's memory; Redis (an ioredis client), shared by every
 * instance; or the cluster's primary process, shared by the workers of one instance (the primary
 * must have called `countRateLimitsForWorkers`).
 */
export type CountingStore =
  | { readonly kind: 'memory' }
  | { readonly kind: 'redis'; readonly client: unknown }
  | { readonly kind: 'cluster' };

/** How long a worker waits for the primary's count before counting on its own. */
const CLUSTER_TIMEOUT_MS = 1_000;

type Counter = Pick<RateLimiterMemory, 'consume' | 'reward' | 'delete'>;

const sharedCounter = (options: IRateLimiterOptions, store: CountingStore): Counter | undefined => {
  switch (store.kind) {
    case 'memory':
      return undefined;
    case 'redis':
      return new RateLimiterRedis({ ...options, storeClient: store.client });
    case 'cluster':
      return new RateLimiterCluster({ ...options, timeoutMs: CLUSTER_TIMEOUT_MS });
  }
};

/** One budget, counted per key in the given store. */
export class Limiter {
  private readonly shared: Counter | undefined;
  /** This process's own count: the store when none is shared, the fallback when the shared one fails. */
  private readonly local: Counter;
  /** Its calls are spans of the request (store-span.ts): a network hop worth seeing in a trace. */
  private readonly sharedIsRedis: boolean;

  constructor(
    readonly budget: Budget,
    store: CountingStore = { kind: 'memory' },
  ) {
    const options = { points: budget.points, duration: budget.windowSeconds, keyPrefix: `conduit:rl:${budget.name}` };
    this.local = new RateLimiterMemory(options);
    this.shared = sharedCounter(options, store);
    this.sharedIsRedis = store.kind === 'redis';
  }

  /** Counts one request against the key. */
  async consume(key: string): Promise<Verdict> {
    try {
      return { allowed: true, quota: this.quota(await this.count('consume', (counter) => counter.consume(key))) };
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return { allowed: false, quota: this.quota(outcome) };
      throw outcome;
    }
  }

  /** Gives back one point counted earlier (an attempt that turned out not to count). */
  async refund(key: string): Promise<void> {
    await this.count('reward', (counter) => counter.reward(key, 1));
  }

  async reset(key: string): Promise<void> {
    await this.count('delete', (counter) => counter.delete(key));
  }

  /**
   * On the shared store when there is one; if it fails (Redis down, the primary slow), this process
   * counts on its own rather than letting everything through or failing the request. A refusal is
   * an answer, not a failure.
   */
  private async count<T>(name: string, operation: (counter: Counter) => Promise<T>): Promise<T> {
    const { shared } = this;
    if (shared === undefined) return operation(this.local);
    try {
      return await (this.sharedIsRedis ? inStoreSpan(name, this.budget.name, () => operation(shared)) : operation(shared));
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) throw outcome;
      return operation(this.local);
    }
  }

  private quota(state: RateLimiterRes): Quota {
    return {
      budget: this.budget,
      remaining: Math.max(0, state.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)),
    };
  }
}
