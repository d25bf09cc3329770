import { createMiddleware } from 'hono/factory';

import type { AppEnv } from '../app-env.js';
import type { HttpLogger } from '../observability/http-logger.js';
import type { RequestRecorder } from '../observability/metrics.js';
import { operationRoute } from './operation-route.js';

/**
 * Repeats within an interval, per kind: `first` runs for the first, the rest are counted, and
 * `summary` gets the count at the interval's end.
 */
export type RepeatWindows = (kind: string, first: () => void, summary: (repeated: number, intervalMs: number) => void) => void;

/**
 * Measures each request once and reports it twice: one access line, keyed by the route template so
 * that paths with ids aggregate, and the metrics, when they are recorded. The line is written with
 * the root logger and the request's ids as fields: the same line a child logger would write,
 * without making one per request. A refusal's line carries its problem `code`.
 *
 * With `repeats`, 503 lines are summarized per operation and code: in an outage every request is
 * refused alike, and the first line plus a count per interval say as much as thousands of lines
 * (the metrics still count each one).
 */
export const accessLog = (logger: HttpLogger, metrics?: RequestRecorder, repeats?: RepeatWindows) =>
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
      const code = c.get('problemCode');
      const write = () =>
        logger.info(
          {
            requestId: c.get('requestId'),
            traceId: trace?.traceId,
            spanId: trace?.spanId,
            ...completed,
            ...(code === undefined ? {} : { code }),
            tenant: c.get('tenant')?.slug,
            userId: actor?.kind === 'user' ? actor.userId : null,
          },
          'request completed',
        );
      if (repeats === undefined || completed.status !== 503) write();
      else {
        const { method, route, status } = completed;
        repeats(`${method} ${route} ${code}`, write, (repeated, intervalMs) =>
          logger.info(
            { method, route, status, code, repeated, intervalMs },
            `requests refused alike: ${repeated} more ${status} ${code} on ${method} ${route} within ${intervalMs / 1000} s`,
          ),
        );
      }
    }
  });
