import { createServer, type Server } from 'node:http';
import { type Orm, poolUsage } from '@conduit/adapters-db';
import { createHttpMetrics, type HttpMetrics } from '@conduit/adapters-http';
import type { Config } from '@conduit/composition';
import type { BatchOutcome, JobStatus } from '@conduit/domain';
import { Counter, Gauge } from 'prom-client';

/** The HTTP metrics plus the database pool's connections by state. */
export const createMetrics = (orm: Orm): HttpMetrics => {
  const metrics = createHttpMetrics();
  new Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [metrics.registry],
    collect() {
      const usage = poolUsage(orm);
      this.set({ state: 'total' }, usage.total);
      this.set({ state: 'idle' }, usage.idle);
      this.set({ state: 'waiting' }, usage.waiting);
    },
  });
  return metrics;
};

export type JobMetrics = { readonly recordBatch: (batch: BatchOutcome) => void };

/**
 * Jobs by status (read from the database at each scrape: every process sees the same jobs, so a
 * cluster reports the largest, not the sum) and the items job workers applied, by outcome:
 * `rate(conduit_job_items_total[1m])` is items per second.
 */
export const recordJobs = (metrics: HttpMetrics | undefined, countJobs: () => Promise<Record<JobStatus, number>>): JobMetrics => {
  if (metrics === undefined) return { recordBatch: () => undefined };
  new Gauge({
    name: 'conduit_jobs',
    help: 'Jobs by status',
    labelNames: ['status'] as const,
    registers: [metrics.registry],
    aggregator: 'max',
    async collect() {
      // A scrape while the database is away keeps the last counts rather than failing whole.
      const counts = await countJobs().catch(() => null);
      for (const [status, count] of Object.entries(counts ?? {})) this.set({ status }, count);
    },
  });
  const items = new Counter({
    name: 'conduit_job_items_total',
    help: 'Job items applied by the workers of this process: succeeded became articles, failed were refused',
    labelNames: ['outcome'] as const,
    registers: [metrics.registry],
  });
  return {
    recordBatch: (batch) => {
      items.inc({ outcome: 'succeeded' }, batch.written);
      items.inc({ outcome: 'failed' }, batch.refused.length);
    },
  };
};

/** Where the scrape endpoint lives: the API port (`/metrics`), its own port, or nowhere. */
export const metricsPlacement = (config: Config): 'api' | 'own-port' | 'off' =>
  !config.METRICS_ENABLED ? 'off' : config.METRICS_PORT === undefined ? 'api' : 'own-port';

/** What a scrape answers: the exposition text and its content type. */
export type Exposition = { readonly text: () => Promise<string>; readonly contentType: string };

export const expositionOf = (metrics: HttpMetrics): Exposition => ({
  text: () => metrics.registry.metrics(),
  contentType: metrics.registry.contentType,
});

/** A separate listener for scrapes, so the metrics port can stay off the public network. */
export const startMetricsServer = (exposition: Exposition, config: Config): Server =>
  createServer(async (request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await exposition.text();
      response.writeHead(200, { 'Content-Type': exposition.contentType }).end(body);
    } catch {
      response.writeHead(503).end();
    }
  }).listen(config.METRICS_PORT, config.HOST);
