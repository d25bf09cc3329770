import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env.js';

/** One line per request, keyed by the route template so that paths with ids aggregate. */
export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const actor = c.get('actor');
  c.get('logger').info(
    {
      method: c.req.method,
      route: routePath(c, -1),
      status: c.res.status,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      userId: actor?.kind === 'user' ? actor.userId : null,
    },
    'request completed',
  );
});
