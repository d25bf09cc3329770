import type { MiddlewareHandler } from 'hono';

/** `middleware`, for every request except those to the paths `skip` names. */
export const except =
  (skip: (path: string) => boolean, middleware: MiddlewareHandler): MiddlewareHandler =>
  (c, next) =>
    skip(c.req.path) ? next() : middleware(c, next);
