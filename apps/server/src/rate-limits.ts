import { type ClientAddress, type CountingStore, createRateLimits, type RateLimits } from '@conduit/adapters-http';
import type { Config, Logger } from '@conduit/composition';
import { Redis } from 'ioredis';

export type RateLimiting = { readonly rateLimits?: RateLimits; close(): Promise<void> };

/**
 * Budgets from configuration, counted in Redis when REDIS_URL is set (shared by every instance),
 * else by the cluster's primary when this is one of its workers (shared by the workers), else here.
 */
export const createRateLimiting = (config: Config, logger: Logger, clusterWorker: boolean, clientAddress: ClientAddress): RateLimiting => {
  if (!config.RATE_LIMITS_ENABLED) return { close: async () => undefined };
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  redis?.on('error', (error) => logger.warn({ err: error }, 'redis unavailable: rate limits counted per process'));
  const store: CountingStore = redis ? { kind: 'redis', client: redis } : clusterWorker ? { kind: 'cluster' } : { kind: 'memory' };
  const rateLimits = createRateLimits({
    budgets: {
      anonymous: { name: 'anonymous', ...config.RATE_LIMIT_ANONYMOUS },
      authenticated: { name: 'user', ...config.RATE_LIMIT_AUTHENTICATED },
      loginPerAccount: { name: 'login-account', ...config.RATE_LIMIT_LOGIN_ACCOUNT },
      loginPerAddress: { name: 'login-address', ...config.RATE_LIMIT_LOGIN_ADDRESS },
      signUpPerAddress: { name: 'sign-up', ...config.RATE_LIMIT_SIGNUP_ADDRESS },
    },
    clientAddress,
    store,
  });
  return {
    rateLimits,
    close: async () => {
      await redis?.quit().catch(() => undefined);
    },
  };
};
