import type { Context } from 'hono';
import { edgeProblems } from './edge-problems.js';
import { problemResponse } from './problem.js';

type RegisteredRoute = { readonly method: string; readonly path: string };

const toMatcher = (path: string): RegExp => new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}/?$`);

/**
 * Unknown path: 404. Known path, other method: 405 with `Allow`, so a client with the wrong verb
 * is told what would work.
 */
export const notFoundOrMethodNotAllowed = (routes: () => readonly RegisteredRoute[]) => {
  let table: { matcher: RegExp; method: string }[] | undefined;
  return (c: Context) => {
    table ??= routes()
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ matcher: toMatcher(route.path), method: route.method.toUpperCase() }));
    const allowed = [...new Set(table.filter((route) => route.matcher.test(c.req.path)).map((route) => route.method))];
    if (allowed.length === 0) return problemResponse(c, edgeProblems.routeNotFound());
    return problemResponse(c, edgeProblems.methodNotAllowed([...allowed, 'OPTIONS']));
  };
};
