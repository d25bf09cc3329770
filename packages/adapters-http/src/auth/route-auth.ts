import type { Actor, AnonymousActor, UserActor } from '@conduit/domain';
import { anonymous } from '@conduit/domain';
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Env, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { idempotencyKey } from '../middleware/idempotency-key.js';
import { requireJsonBody } from '../middleware/require-json-body.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import { IdempotencyHeaders, idempotentReplayedHeader } from '../schemas/idempotency.schemas.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import type { Authentication } from './authenticate.js';

type AuthMode = 'none' | 'optional' | 'required';

type ActorEnv<A extends Actor> = { Variables: AppEnv['Variables'] & { actor: A; authentication: () => Promise<Authentication> } };

/** No authentication: the token, if any, is not even parsed. */
const noAuth = createMiddleware<ActorEnv<AnonymousActor>>(async (c, next) => {
  c.set('actor', anonymous);
  c.set('self', undefined);
  await next();
});

/** Missing or invalid token: the request proceeds as anonymous (what RealWorld clients expect). */
const optionalAuth = createMiddleware<ActorEnv<Actor>>(async (c, next) => {
  const outcome = await c.get('authentication')();
  c.set('actor', outcome.kind === 'user' ? outcome.actor : anonymous);
  c.set('self', outcome.kind === 'user' ? outcome.self : undefined);
  await next();
});

/** Missing or invalid token: 401 with WWW-Authenticate, before any use case runs. */
const requiredAuth = createMiddleware<ActorEnv<UserActor>>(async (c, next) => {
  const outcome = await c.get('authentication')();
  if (outcome.kind !== 'user') {
    return problemResponse(c, edgeProblems.unauthenticated(outcome.kind === 'anonymous' ? 'missing' : 'invalid'));
  }
  c.set('actor', outcome.actor);
  c.set('self', outcome.self);
  await next();
});

type RouteInput = Omit<RouteConfig, 'middleware' | 'security'> & {
  /**
   * Writes take an `Idempotency-Key` (middleware/idempotency-key.ts) unless they say why not here:
   * an operation that handles its own key, or one with nothing a retry could apply twice.
   */
  readonly idempotencyKey?: { readonly none: string };
};
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

/**
 * A keyed write's document: the header, the replay mark on its successes, and the 409 of a key in
 * use. Added to the declared route as is: the handler's own types stay those it declared.
 */
const withIdempotencyKey = <T extends RouteConfig>(route: T): T => ({
  ...route,
  request: { ...route.request, headers: IdempotencyHeaders },
  responses: {
    ...Object.fromEntries(
      Object.entries(route.responses).map(([status, response]) =>
        status.startsWith('2') && !('$ref' in response)
          ? [status, { ...response, headers: { ...response.headers, ...idempotentReplayedHeader } }]
          : [status, response],
      ),
    ),
    ...problemResponses(409),
    ...('422' in route.responses ? {} : problemResponses(422)),
  },
});

/** A route declarer for one auth mode: its OpenAPI `security`, `x-auth-mode` and middleware agree. */
const routesWith =
  // biome-ignore lint/suspicious/noExplicitAny: each auth middleware declares its own env, which the route must keep exactly.
    <Mode extends AuthMode, Auth extends MiddlewareHandler<any>>(mode: Mode, auth: Auth) =>
    <const R extends RouteInput>({ idempotencyKey: keyOption, ...config }: R) => {
      const keyed = config.method !== 'get' && keyOption === undefined;
      const route = createRoute({
        ...config,
        // Reads answer with an ETag and honour If-None-Match (routes/respond.ts).
        ...(config.method === 'get' ? { responses: { ...config.responses, 304: notModified } } : {}),
        security: securityFor[mode],
        'x-auth-mode': mode,
        middleware: [auth, bodyGuard(config), keyed ? idempotencyKey : passThrough] as [
          Auth,
          MiddlewareHandler<Env>,
          MiddlewareHandler<Env>,
        ],
      });
      return keyed ? withIdempotencyKey(route) : route;
    };

/**
 * Every operation is declared through one of these three, so its auth mode, its OpenAPI `security`
 * and its middleware always agree. `x-auth-mode` records the mode in the document. Authentication
 * runs before the body checks, so an anonymous caller of a protected route learns nothing else.
 */
export const publicRoute = routesWith('none', noAuth);
export const optionalAuthRoute = routesWith('optional', optionalAuth);
export const authenticatedRoute = routesWith('required', requiredAuth);
