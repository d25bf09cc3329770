import { RateLimiterClusterMaster } from 'rate-limiter-flexible';

/**
 * In a cluster's primary process: holds the counts for workers whose store is `cluster`, so a
 * client gets one budget per instance, not one per worker. Idempotent.
 */
export const countRateLimitsForWorkers = (): void => {
  new RateLimiterClusterMaster();
};
