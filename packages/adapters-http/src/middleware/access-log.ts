import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env.js';
import type { HttpLogger } from '../http-deps.js';

/**
 * One line per request, keyed by the route template so that paths with ids aggregate. Written with
 * the root logger and the request's ids as fields: the same line a child logger would write, without
 * making one per request.
 */
export const accessLog = (logger: HttpLogger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    const actor = c.get('actor');
    const trace = c.get('trace');
    logger.info(
      {
        requestId: c.get('requestId'),
        traceId: trace?.traceId,
        spanId: trace?.spanId,
        method: c.req.method,
        route: routePath(c, -1),
        status: c.res.status,
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
        userId: actor?.kind === 'user' ? actor.userId : null,
      },
      'request completed',
    );
  });
