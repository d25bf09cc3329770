import type { Context } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import type { AppEnv } from '../app-env.js';

/**
 * The route template of the operation that answers, for logs, metrics and connection budgets: the
 * first matched route that is an endpoint (middleware is registered for every method, `ALL`).
 * Hono lists every route a path matches, in the order they were registered, so
 * `/api/articles/feed` also matches `/api/articles/:slug`, registered after it, which never runs:
 * the last match would give the feed the article read's label and budget. A handler that serves
 * many operations on one route (MCP) names the one it ran.
 */
export const operationRoute = (c: Context<AppEnv>): string =>
  c.get('operation') ?? matchedRoutes(c).find((route) => route.method !== 'ALL')?.path ?? routePath(c, -1);
