import { createMiddleware } from 'hono/factory';

import type { AppEnv } from '../app-env.js';
import type { HttpLogger } from '../observability/http-logger.js';
import type { RequestRecorder } from '../observability/metrics.js';
import { operationRoute } from './operation-route.js';

/**
 * Measures each request once and reports it twice: one access line, keyed by the route template so
 * that paths with ids aggregate, and the metrics, when they are recorded. The line is written with
 * the root logger and the request's ids as fields: the same line a child logger would write,
 * without making one per request.
 */
export const accessLog = (logger: HttpLogger, metrics?: RequestRecorder) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    metrics?.started();
    try {
      await next();
    } finally {
      const actor = c.get('actor');
      const trace = c.get('trace');
      const completed = {
        method: c.req.method,
        route: operationRoute(c),
        status: c.res.status,
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
      };
      metrics?.finished(completed);
      logger.info(
        {
          requestId: c.get('requestId'),
          traceId: trace?.traceId,
          spanId: trace?.spanId,
          ...completed,
          userId: actor?.kind === 'user' ? actor.userId : null,
        },
        'request completed',
      );
    }
  });
