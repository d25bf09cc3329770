import { createServer, type Server } from 'node:http';
import { type Orm, poolUsage } from '@conduit/adapters-db';
import { createHttpMetrics, type HttpMetrics } from '@conduit/adapters-http';
import type { Config } from '@conduit/composition';
import { Gauge } from 'prom-client';

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
