import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of the service: request duration by route template and status (templates,
 * not raw paths, so ids do not explode cardinality), requests in flight, and the process defaults
 * (event-loop delay, heap, GC, CPU). Other adapters add their own gauges to `registry`.
 */
export const createHttpMetrics = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'http_requests_in_flight',
    help: 'Requests being answered right now',
    registers: [registry],
  });

  const middleware = createMiddleware(async (c, next) => {
    const started = performance.now();
    inFlight.inc();
    try {
      await next();
    } finally {
      inFlight.dec();
      const route = routePath(c, -1);
      duration.observe(
        { method: c.req.method, route: route === '*' || route === '/*' ? 'unmatched' : route, status: String(c.res.status) },
        (performance.now() - started) / 1000,
      );
    }
  });

  return { registry, middleware };
};

export type HttpMetrics = ReturnType<typeof createHttpMetrics>;
