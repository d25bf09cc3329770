import type { Actor, AnonymousActor, UserActor } from '@conduit/domain';
import { anonymous } from '@conduit/domain';
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Env, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { requireJsonBody } from '../middleware/require-json-body.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import type { Authentication } from './authenticate.js';

type AuthMode = 'none' | 'optional' | 'required';

type ActorEnv<A extends Actor> = { Variables: AppEnv['Variables'] & { actor: A; authentication: () => Promise<Authentication> } };

/** No authentication: the token, if any, is not even parsed. */
const noAuth = createMiddleware<ActorEnv<AnonymousActor>>(async (c, next) => {
  c.set('actor', anonymous);
  await next();
});

/** Missing or invalid token: the request proceeds as anonymous (what RealWorld clients expect). */
const optionalAuth = createMiddleware<ActorEnv<Actor>>(async (c, next) => {
  const outcome = await c.get('authentication')();
  c.set('actor', outcome.kind === 'user' ? outcome.actor : anonymous);
  await next();
});

/** Missing or invalid token: 401 with WWW-Authenticate, before any use case runs. */
const requiredAuth = createMiddleware<ActorEnv<UserActor>>(async (c, next) => {
  const outcome = await c.get('authentication')();
  if (outcome.kind !== 'user') {
    return problemResponse(c, edgeProblems.unauthenticated(outcome.kind === 'anonymous' ? 'missing' : 'invalid'));
  }
  c.set('actor', outcome.actor);
  await next();
});

type RouteInput = Omit<RouteConfig, 'middleware' | 'security'>;
type Security = Record<string, string[]>[];

// `{}` is OpenAPI for "no credentials needed": optional routes accept either.
const securityFor: Record<AuthMode, Security> = { none: [], optional: [{}, { Token: [] }], required: [{ Token: [] }] };

const notModified = { description: 'Not modified: the `If-None-Match` tag is the current `ETag` (no body).' };

const passThrough: MiddlewareHandler<Env> = async (_c, next) => {
  await next();
};
/** JSON bodies are checked for their media type here; an operation taking other types checks its own. */
const bodyGuard = (config: RouteInput): MiddlewareHandler<Env> => {
  const mediaTypes = Object.keys(config.request?.body?.content ?? {});
  return mediaTypes.length === 1 && mediaTypes[0] === 'application/json' ? requireJsonBody : passThrough;
};

/** A route declarer for one auth mode: its OpenAPI `security`, `x-auth-mode` and middleware agree. */
const routesWith =
  // biome-ignore lint/suspicious/noExplicitAny: each auth middleware declares its own env, which the route must keep exactly.
    <Mode extends AuthMode, Auth extends MiddlewareHandler<any>>(mode: Mode, auth: Auth) =>
    <const R extends RouteInput>(config: R) =>
      createRoute({
        ...config,
        // Reads answer with an ETag and honour If-None-Match (routes/respond.ts).
        ...(config.method === 'get' ? { responses: { ...config.responses, 304: notModified } } : {}),
        security: securityFor[mode],
        'x-auth-mode': mode,
        middleware: [auth, bodyGuard(config)] as [Auth, MiddlewareHandler<Env>],
      });

/**
 * Every operation is declared through one of these three, so its auth mode, its OpenAPI `security`
 * and its middleware always agree. `x-auth-mode` records the mode in the document. Authentication
 * runs before the body checks, so an anonymous caller of a protected route learns nothing else.
 */
export const publicRoute = routesWith('none', noAuth);
export const optionalAuthRoute = routesWith('optional', optionalAuth);
export const authenticatedRoute = routesWith('required', requiredAuth);
