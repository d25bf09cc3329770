import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export type CorsSettings = { readonly origins: readonly string[] };

/**
 * Hono's CORS middleware, applied only to requests with an `Origin` header: only browsers read CORS
 * headers, and skipping it spares every other client (mobile apps, scripts, load balancers' probes)
 * its cost. With a restricted origin list, `Vary: Origin` still goes on every response so that
 * shared caches keep browser and non-browser answers apart.
 */
export const corsForBrowsers = (settings: CorsSettings): MiddlewareHandler => {
  const anyOrigin = settings.origins.includes('*');
  const handler = cors({
    origin: anyOrigin ? '*' : [...settings.origins],
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    // Browser clients may read what they need to behave: ids for support, quotas and back-off, next pages.
    exposeHeaders: ['X-Request-Id', 'WWW-Authenticate', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'Link'],
    maxAge: 600,
  });
  return async (c, next) => {
    if (c.req.header('Origin') !== undefined) return handler(c, next);
    if (!anyOrigin) c.header('Vary', 'Origin', { append: true });
    await next();
  };
};
