import type { Orm, ReplicaRouter } from '@conduit/adapters-db';
import { createHttpMetrics, type HttpMetrics } from '@conduit/adapters-http';
import { recordFlags, recordPool, recordReplicas } from '@conduit/composition';

/** The HTTP metrics plus the database pool's connections by state, the flag store's health, and the read replicas when there are some. */
export const createMetrics = (orm: Orm, flagsUnreadable: () => boolean, replicas?: ReplicaRouter): HttpMetrics => {
  const metrics = createHttpMetrics();
  recordPool(metrics.registry, orm);
  recordFlags(metrics.registry, flagsUnreadable);
  if (replicas) recordReplicas(metrics.registry, replicas);
  return metrics;
};
