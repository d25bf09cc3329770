import type { Orm } from '@conduit/adapters-db';
import { createHttpMetrics, type HttpMetrics } from '@conduit/adapters-http';
import { recordPool } from '@conduit/composition';

/** The HTTP metrics plus the database pool's connections by state. */
export const createMetrics = (orm: Orm): HttpMetrics => {
  const metrics = createHttpMetrics();
  recordPool(metrics.registry, orm);
  return metrics;
};
