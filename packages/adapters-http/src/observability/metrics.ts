import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type CompletedRequest = { method: string; route: string; status: number; latencyMs: number };

export type RequestRecorder = {
  started(): void;
  finished(request: CompletedRequest): void;
};

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

  /** Fed by the request-completion middleware, which measures each request once for logs and metrics. */
  const recorder: RequestRecorder = {
    started: () => inFlight.inc(),
    finished: ({ method, route, status, latencyMs }) => {
      inFlight.dec();
      duration.observe({ method, route: route === '*' || route === '/*' ? 'unmatched' : route, status: String(status) }, latencyMs / 1000);
    },
  };

  return { registry, recorder };
};

export type HttpMetrics = ReturnType<typeof createHttpMetrics>;
