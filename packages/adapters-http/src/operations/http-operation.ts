import type { ArticlePosition, SelfProfile, UseCases } from '@conduit/app';
import type { Actor } from '@conduit/domain';
import type { Context as HonoContext } from 'hono';
import { ok } from 'neverthrow';
import type { AppEnv } from '../app-env.js';
import { authenticatedRoute, optionalAuthRoute, publicRoute } from '../auth/route-auth.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import { nextPageUrl } from '../routes/article-page.js';
import { json } from '../routes/json-content.js';
import { respond, respondEmpty, useCaseContext } from '../routes/respond.js';
import { createRouter } from '../routes/router.js';
import { bodyProblems, problemResponses } from '../schemas/problem.schemas.js';
import type { AnyOperation } from './operation.js';

/**
 * The route of an operation, with its OpenAPI entry: its request parts, its success, and its
 * problems (the edge's for a body or for parameters, 401 where signing in is required, and the
 * use case's failures). The auth mode's declarer adds security, middleware and, for writes, the
 * idempotency key.
 */
const routeOf = (operation: AnyOperation) => {
  const { http, request, response, auth } = operation;
  const declare = auth === 'required' ? authenticatedRoute : auth === 'optional' ? optionalAuthRoute : publicRoute;
  const edge = request.body ? bodyProblems : request.params || request.query ? ([422] as const) : [];
  return declare({
    method: http.method,
    path: http.path,
    operationId: http.operationId,
    ...(http.idempotencyKey ? { idempotencyKey: http.idempotencyKey } : {}),
    tags: [...http.tags],
    summary: http.summary,
    request: {
      ...(request.params ? { params: request.params } : {}),
      ...(request.query ? { query: request.query } : {}),
      ...(request.body ? { body: { ...json(request.body), required: true } } : {}),
    },
    responses: {
      [http.status]:
        http.status === 204
          ? { description: http.description }
          : { description: http.description, ...(http.headers ? { headers: http.headers.schema } : {}), ...json(response) },
      ...problemResponses(...edge, ...(auth === 'required' ? ([401] as const) : []), ...operation.failures),
    },
  });
};

/** What a handler reads of its request, whatever the route's declared types. */
type HandlerContext = HonoContext<AppEnv & { Variables: { actor: Actor; self: SelfProfile | undefined } }>;
type Valid = (target: 'param' | 'query' | 'json') => object;

/**
 * A router of the operations, in their order (the first route to match a path answers it): each
 * one's input parsed by the route's schemas (422 at the edge), the domain's check (422 with the
 * same field errors), the use case, and the presented answer (an ETag on reads, 204 with no body
 * where declared).
 */
export const operationsRouter = (useCases: UseCases, operations: readonly AnyOperation[]) => {
  const router = createRouter();
  for (const operation of operations) {
    const { request, http } = operation;
    // The handler's answers are those the route declared; Hono cannot see that through a declaration of any shape.
    const route = routeOf(operation) as never;
    router.openapi(route, (async (c: HandlerContext) => {
      const valid: Valid = (target) => c.req.valid(target as never) as object;
      const input = {
        ...(request.params ? valid('param') : {}),
        ...(request.query ? valid('query') : {}),
        ...(request.body ? valid('json') : {}),
      };
      const command = operation.check ? operation.check(input) : ok(input);
      if (command.isErr()) return problemResponse(c, edgeProblems.validationFailed(command.error));
      const result = await operation.run(useCases, useCaseContext(c) as never, command.value, input);
      if (http.status === 204) return respondEmpty(c, result);
      if (result.isOk() && http.headers) for (const [name, value] of Object.entries(http.headers.of(result.value))) c.header(name, value);
      let next: string | undefined;
      const links = { next: (position: ArticlePosition) => (next = nextPageUrl(c.req.path, input, position)) };
      const answer = respond(c, result, (view) => operation.present(view, input, links) as object, http.status);
      // The next page is also a `Link: <…>; rel="next"` header (RFC 8288), for clients that page by headers.
      if (next !== undefined) answer.headers.set('Link', `<${next}>; rel="next"`);
      return answer;
    }) as never);
  }
  return router;
};
