import { randomUUID } from 'node:crypto';
import type { RequestScope } from '@conduit/domain';
import { context } from '@opentelemetry/api';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import type { HttpLogger } from '../observability/http-logger.js';
import { lazyChildLogger } from '../observability/lazy-child-logger.js';
import { endServerSpan, startServerSpan } from '../observability/server-span.js';
import { operationRoute } from './operation-route.js';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The request's door: what every later step and log line of the request shares: the request id
 * (the caller's when it is safe to log and echo, else a new one), its server span (in the trace it
 * continues), a child logger carrying the ids of both, and its own request scope (its operation as
 * the workload, its trace), whose database time goes into `Server-Timing`.
 */
export const requestContext = (logger: HttpLogger, scope: RequestScope) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const offered = c.req.header('X-Request-Id');
    const id = offered !== undefined && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
    // Routing is decided before middleware runs: the operation's template names the workload and the span.
    const route = operationRoute(c);
    const server = startServerSpan(c, route);
    const { traceId, spanId } = server.span.spanContext();
    const trace = { traceId, spanId };
    c.set('requestId', id);
    c.set('trace', trace);
    c.set('logger', lazyChildLogger(logger, { requestId: id, traceId: trace.traceId, spanId: trace.spanId }));
    c.header('X-Request-Id', id);
    // Apart from any scope the server was started in: each request is work of its own.
    try {
      await context.with(server.context, () =>
        scope.runApart({ workload: `${c.req.method} ${route}`, trace }, () => {
          const { progress } = scope.current();
          c.set('serverTiming', () => {
            const total = performance.now() - started;
            return `db;dur=${progress.databaseMs.toFixed(1)}, total;dur=${total.toFixed(1)}`;
          });
          return next();
        }),
      );
    } finally {
      endServerSpan(server.span, c);
    }
  });
