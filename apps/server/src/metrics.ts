import type { Orm, ReplicaRouter } from '@conduit/adapters-db';
import { createHttpMetrics, type HttpMetrics } from '@conduit/adapters-http';
import { recordPool, recordReplicas } from '@conduit/composition';

/** The HTTP metrics plus the database pool's connections by state, and the read replicas when there are some. */
export const createMetrics = (orm: Orm, replicas?: ReplicaRouter): HttpMetrics => {
  const metrics = createHttpMetrics();
  recordPool(metrics.registry, orm);
  if (replicas) recordReplicas(metrics.registry, replicas);
  return metrics;
};
