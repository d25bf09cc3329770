import { createMiddleware } from 'hono/factory';

/**
 * The headers of Hono's `secureHeaders()` defaults (helmet's set), written before the handler
 * runs. Hono's middleware writes them after, which on Node rebuilds every response a second time
 * (measurable on the hot reads: docs/benchmarks.md); the list is static, so nothing is lost.
 */
const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

export const securityHeaders = createMiddleware(async (c, next) => {
  for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
  // Answers to a signed-in user may be personal (favorited, following) or carry a token: never
  // store them. Anonymous reads may be kept by any cache but revalidated (ETag) before each reuse:
  // an article changes whenever someone favorites it.
  if (c.req.header('Authorization') !== undefined) c.header('Cache-Control', 'no-store');
  else if (c.req.method === 'GET') c.header('Cache-Control', 'no-cache');
  if (c.req.method === 'GET') c.header('Vary', 'Authorization');
  await next();
});
