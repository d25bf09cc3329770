import { AsyncLocalStorage } from 'node:async_hooks';
import { ALL_FEATURES_ON } from '@conduit/app';
import { type IdempotencyClaim, type ScopedWork, StoredRequestScope } from '@conduit/domain';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.js';
import { authenticationContext } from './auth/authentication-context.js';
import { docsRouter } from './docs/docs.routes.js';
import { healthRouter } from './health/health.routes.js';
import type { HttpDeps } from './http-deps.js';
import { MCP_PATH, mcpRouter } from './mcp/mcp.routes.js';
import { accessLog } from './middleware/access-log.js';
import { corsForBrowsers } from './middleware/cors-for-browsers.js';
import { deadline } from './middleware/deadline.js';
import { except } from './middleware/except.js';
import { loadShedding } from './middleware/load-shedding.js';
import { requestBodyLimit } from './middleware/request-body-limit.js';
import { requestContext } from './middleware/request-context.js';
import { securityHeaders } from './middleware/security-headers.js';
import { settleRequestBody } from './middleware/settle-request-body.js';
import { tenantResolution } from './middleware/tenant-resolution.js';
import { openApiDocumentConfig, tokenSecurityScheme } from './openapi-document.js';
import { DECLARED_OPERATIONS } from './operations/declared-operations.js';
import { operationsRouter } from './operations/http-operation.js';
import { notFoundOrMethodNotAllowed } from './problems/method-not-allowed.js';
import { problemResponse } from './problems/problem.js';
import { problemForThrown } from './problems/thrown-problem.js';
import { clientAddressResolver } from './rate-limit/client-address.js';
import { unlimitedLoginAttempts } from './rate-limit/unlimited-login-attempts.js';
import { accountExportRouter } from './routes/account-export.routes.js';
import { IMPORTS_PATH, importsRouter } from './routes/imports.routes.js';
import { jobsRouter } from './routes/jobs.routes.js';
import { createRouter } from './routes/router.js';
import { usersRouter } from './routes/users.routes.js';

export const OPENAPI_PATH = '/api/openapi.json';

/** The whole HTTP surface, built from use cases and boundary ports only. */
export const createHttpApp = (deps: HttpDeps) => {
  const { useCases, config } = deps;
  const app = createRouter();

  const shedding = loadShedding(config.maxInFlight, (path) => !path.startsWith('/api/') && path !== MCP_PATH);
  app.use('*', requestContext(deps.logger, deps.scope));
  app.use('*', settleRequestBody({ maxDrainBytes: Math.max(4 * config.bodyLimitBytes, 1 << 20), drainBudgetMs: 1000 }));
  app.use('*', shedding);
  app.use('*', accessLog(deps.logger, deps.metrics?.metrics.recorder, deps.repeatedAnswers));
  app.use('*', securityHeaders);
  app.use('*', corsForBrowsers({ origins: config.corsOrigins }));
  // An import streams a large body: its own limit, and no deadline but Node's for receiving a
  // request (HTTP_REQUEST_TIMEOUT_MS), which cuts the connection, so an upload answered 503 could
  // never still become a job behind the client's back.
  const isImport = (path: string) => path === IMPORTS_PATH;
  // MCP is the same API over another protocol: every boundary concern of /api applies to it alike.
  const api = config.mcpEnabled ? ['/api/*', MCP_PATH] : ['/api/*'];
  for (const path of api) {
    app.use(path, except(isImport, deadline(config.requestTimeoutMs, deps.scope)));
    app.use(path, except(isImport, requestBodyLimit(config.bodyLimitBytes)));
  }
  app.use(IMPORTS_PATH, requestBodyLimit(config.importBodyLimitBytes));
  // The tenant first: the session check, the rate limits and everything after are the tenant's.
  for (const path of api) app.use(path, tenantResolution(deps.tenants, deps.scope));
  for (const path of api) app.use(path, authenticationContext(deps.tokenVerifier, useCases.resolveActor, deps.scope));
  if (deps.rateLimits) {
    for (const path of api) app.use(path, deps.rateLimits.everyRequest);
    app.use('/api/users', deps.rateLimits.signUp);
  }
  // A committed write is answered however late, so its answer can be on its way for up to twice
  // the budget (the commit at the deadline, then the answer); only past that is it lost.
  const idempotency = {
    keys: deps.idempotencyKeys,
    claimFor: (claim: IdempotencyClaim) => {
      deps.scope.current().progress.idempotencyClaim = claim;
    },
    inProgressMs: 2 * config.requestTimeoutMs,
  };
  const requestScope = createMiddleware<AppEnv>(async (c, next) => {
    // Asked for the request's actor when a flag is asked (the MCP door learns its actor later).
    c.set('features', { enabled: (flag, about) => deps.featureFlags.for(c.get('actor')).enabled(flag, about) });
    c.set('idempotency', idempotency);
    await next();
  });
  for (const path of api) app.use(path, requestScope);

  const routes = createRouter()
    .route(
      '/',
      usersRouter(useCases, deps.rateLimits?.loginAttempts ?? unlimitedLoginAttempts, deps.clientAddress ?? clientAddressResolver([])),
    )
    .route('/', operationsRouter(useCases, DECLARED_OPERATIONS))
    .route('/', accountExportRouter(useCases))
    .route('/', importsRouter(useCases))
    .route('/', jobsRouter(useCases, { cancelSettleMs: Math.min(1_000, config.requestTimeoutMs / 2) }));
  app.route('/api', routes);
  if (config.mcpEnabled) {
    app.route('/', mcpRouter(useCases, { version: openApiDocumentConfig.info.version, failures: deps }));
  }
  app.route('/', healthRouter(deps.health));
  app.route('/', docsRouter(OPENAPI_PATH));
  if (deps.metrics?.serveAt) {
    const { registry } = deps.metrics.metrics;
    const exposition = deps.metrics.exposition ?? (() => registry.metrics());
    app.get(deps.metrics.serveAt, async (c) =>
      c.body(await exposition(), 200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }),
    );
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'Token', tokenSecurityScheme);
  app.doc31(OPENAPI_PATH, openApiDocumentConfig);

  app.notFound(notFoundOrMethodNotAllowed(() => app.routes));
  app.onError((error, c) => problemResponse(c, problemForThrown(error, c.get('logger') ?? deps.logger, deps)));
  return app;
};

export type HttpApp = ReturnType<typeof createHttpApp>;

/**
 * The OpenAPI document, without a running service: the routes are only declared, never called.
 * `pnpm openapi:write` commits it; a test fails when the served document drifts from that copy.
 */
export const openApiDocument = (): object =>
  createHttpApp({
    useCases: {} as HttpDeps['useCases'],
    tenants: {} as HttpDeps['tenants'],
    tokenVerifier: {} as HttpDeps['tokenVerifier'],
    logger: {
      info() {},
      warn() {},
      error() {},
      child() {
        return this;
      },
    },
    config: { corsOrigins: ['*'], bodyLimitBytes: 1, importBodyLimitBytes: 1, requestTimeoutMs: 1, maxInFlight: 1, mcpEnabled: false },
    health: { readiness: async () => ({ status: 'pass', checks: {} }), isDraining: () => false },
    featureFlags: { for: () => ALL_FEATURES_ON },
    isDependencyUnavailable: () => false,
    idempotencyKeys: {} as HttpDeps['idempotencyKeys'],
    scope: new StoredRequestScope(new AsyncLocalStorage<ScopedWork>()),
  }).getOpenAPI31Document(openApiDocumentConfig);
