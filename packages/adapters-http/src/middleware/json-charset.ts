import { createMiddleware } from 'hono/factory';

/** Hono's c.json() says `application/json`; clients and the issue tracker expect the charset too. */
export const jsonCharset = createMiddleware(async (c, next) => {
  await next();
  if (c.res.headers.get('Content-Type') === 'application/json') {
    c.res.headers.set('Content-Type', 'application/json; charset=utf-8');
  }
});
