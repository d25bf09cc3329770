import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import type { HttpLogger } from '../http-deps.js';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Takes the caller's X-Request-Id when it is safe to log and echo, otherwise makes one; every
 * response and every log line of the request carries it.
 */
export const requestId = (logger: HttpLogger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const offered = c.req.header('X-Request-Id');
    const id = offered !== undefined && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
    c.set('requestId', id);
    c.set('logger', logger.child({ requestId: id }));
    c.header('X-Request-Id', id);
    await next();
  });
