import type { Context } from 'hono';
import { edgeProblems } from './edge-problems.js';
import { problemResponse } from './problem.js';

type RegisteredRoute = { readonly method: string; readonly path: string };

// A path parameter is one non-empty segment: `/api/articles/` (an empty slug) names no route.
const toMatcher = (path: string): RegExp => new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}$`);

/**
 * What the router did not answer. Unknown path: 404. Known path: `OPTIONS` is 204 with `Allow`
 * (a browser's CORS preflight is answered earlier, by the CORS middleware), any other method 405
 * with `Allow`, so a client with the wrong verb is told what would work. `Allow` never names the
 * method that was refused: a method the path supports that still reached here found no route.
 */
export const notFoundOrMethodNotAllowed = (routes: () => readonly RegisteredRoute[]) => {
  let table: { matcher: RegExp; method: string }[] | undefined;
  return (c: Context) => {
    table ??= routes()
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ matcher: toMatcher(route.path), method: route.method.toUpperCase() }));
    const supported = new Set(table.filter((route) => route.matcher.test(c.req.path)).map((route) => route.method));
    const method = c.req.method.toUpperCase();
    if (supported.size === 0 || supported.has(method)) return problemResponse(c, edgeProblems.routeNotFound());
    // Hono answers HEAD with the GET route.
    if (supported.has('GET')) supported.add('HEAD');
    const allowed = [...supported, 'OPTIONS'];
    if (method === 'OPTIONS') return c.body(null, 204, { Allow: allowed.join(', ') });
    return problemResponse(c, edgeProblems.methodNotAllowed(allowed));
  };
};
