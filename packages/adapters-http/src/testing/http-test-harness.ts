import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { JoseTokens } from '@conduit/adapters-crypto';
import { createInMemoryApp, type InMemoryApp } from '@conduit/adapters-memory/testing';
import { TenantDirectory } from '@conduit/app';
import { DEFAULT_TENANT, type Flag, type ScopedWork, StoredRequestScope, type Tenant, tenantId } from '@conduit/domain';
import { aTenantHost, aTenantSlug, authorizedForTest } from '@conduit/domain/testing';
import { expect } from 'vitest';
import { createHttpApp, OPENAPI_PATH } from '../create-http-app.js';
import type { HttpConfig } from '../http-deps.js';
import { createHttpMetrics } from '../observability/metrics.js';
import type { RateLimitBudgets } from '../rate-limit/budgets.js';
import { clientAddressResolver } from '../rate-limit/client-address.js';
import { createRateLimits } from '../rate-limit/rate-limits.js';
import { connectMcp } from './mcp-test-client.js';
import { OpenApiResponseValidator } from './openapi-validator.js';
import { RecordingLogger } from './recording-logger.js';

export type CallOptions = {
  /** The socket peer the request seems to come from (default 203.0.113.10). */
  readonly remoteAddress?: string;
  readonly body?: unknown;
  /** Sent as `Authorization: Token <token>`. */
  readonly token?: string;
  readonly headers?: Record<string, string>;
};

export type CallResult = {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint: tests read arbitrary JSON
  readonly body: any;
};

export const jwtSettings = {
  keys: [{ kid: 'test', secret: randomBytes(32) }],
  issuer: 'conduit',
  audience: 'conduit-api',
  ttlSeconds: 3600,
  leewaySeconds: 30,
};

/** Generous budgets, so only the rate-limit tests meet them. */
export const roomyBudgets: RateLimitBudgets = {
  anonymous: { name: 'anonymous', points: 10_000, windowSeconds: 60 },
  authenticated: { name: 'user', points: 10_000, windowSeconds: 60 },
  loginPerAccount: { name: 'login-account', points: 1_000, windowSeconds: 900 },
  loginPerAddress: { name: 'login-address', points: 1_000, windowSeconds: 900 },
  signUpPerAddress: { name: 'sign-up', points: 1_000, windowSeconds: 3600 },
};

export type HarnessOptions = {
  /**
   * Serve the app as a second publication (tenant) at `host`, which every request then names: the
   * default tenant is still served at any other host (`Host: elsewhere.example`), and the memory's
   * use cases called directly act on this tenant.
   */
  readonly tenant?: { readonly slug: string; readonly host: string };
  readonly budgets?: Partial<RateLimitBudgets>;
  readonly trustedProxies?: readonly string[];
  readonly redis?: unknown;
};

/**
 * The HTTP app over in-memory adapters (fake hashing, real JWTs). Every response it returns is
 * checked against the OpenAPI document the app itself serves.
 */
export const createHttpTestHarness = (config: Partial<HttpConfig> = {}, options: HarnessOptions = {}) => {
  /** Flip these to simulate a database outage or a shutdown in progress. */
  const healthState = { databaseUp: true, draining: false };
  /** Flip to switch flags off, as an operator would (the rest are on). */
  const features: Partial<Record<Flag, boolean>> = { registration: true, comments: true };
  /** Set `unknownHost` to 'reject' to refuse hosts no tenant is mapped to (TENANT_UNKNOWN_HOST), as configuration would. */
  const tenancy: { unknownHost: 'default' | 'reject'; refreshMs: number } = { unknownHost: 'default', refreshMs: 0 };
  // The test's own request scope, as the composition root's is the server's; work outside a
  // request runs for the harness's tenant.
  let harnessTenant: Tenant | undefined;
  const scope = new StoredRequestScope(new AsyncLocalStorage<ScopedWork>(), () => harnessTenant);
  const tokens = new JoseTokens({ ...jwtSettings, currentTenant: scope.currentTenantId });
  const memory: InMemoryApp = createInMemoryApp({ tokenIssuer: tokens, scope });
  if (options.tenant) {
    const { slug, host } = options.tenant;
    // The in-memory store adds at once; its answer is awaited by nobody but must not be dropped.
    const added = memory.tenancy.tenants.add(aTenantSlug(slug), [aTenantHost(host)], authorizedForTest('tenant:manage', slug));
    harnessTenant = { id: tenantId(DEFAULT_TENANT.id + 1), slug };
    void added.match(
      (tenant) => expect(tenant.id).toBe(harnessTenant?.id),
      (error) => expect.fail(JSON.stringify(error)),
    );
  }
  const logger = new RecordingLogger();
  const directory = new TenantDirectory({ tenants: memory.tenancy.tenants, clock: memory.clock }, tenancy);
  const app = createHttpApp({
    useCases: memory.useCases,
    // Resolution is the real one; tenants over HTTP are also tested against the built server (apps/server tenants.e2e).
    tenants: { resolve: (host) => directory.resolve(host) },
    scope,
    tokenVerifier: tokens,
    logger,
    config: {
      corsOrigins: ['*'],
      bodyLimitBytes: 64 * 1024,
      importBodyLimitBytes: 4 << 20,
      requestTimeoutMs: 2000,
      maxInFlight: 100,
      mcpEnabled: true,
      ...config,
    },
    health: {
      readiness: async () => ({
        status: healthState.databaseUp ? 'pass' : 'fail',
        checks: { 'postgresql:responseTime': [{ status: healthState.databaseUp ? 'pass' : 'fail' }] },
      }),
      isDraining: () => healthState.draining,
    },
    featureFlags: { for: () => ({ enabled: (flag) => Promise.resolve(features[flag] ?? true) }) },
    rateLimits: createRateLimits({
      budgets: { ...roomyBudgets, ...options.budgets },
      clientAddress: clientAddressResolver(options.trustedProxies ?? []),
      ...(options.redis ? { store: { kind: 'redis', client: options.redis } } : {}),
    }),
    isDependencyUnavailable: (error) => error instanceof Error && error.message === 'database unavailable',
    idempotencyKeys: memory.repositories.idempotencyKeys,
    metrics: { metrics: createHttpMetrics(), serveAt: '/metrics' },
  });
  let validator: OpenApiResponseValidator | undefined;

  /** As Node's adapter would hand it over: the socket peer and the raw headers. */
  const incoming = (remoteAddress: string, headers: Record<string, string>) => ({
    socket: { remoteAddress },
    connection: { remoteAddress },
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
  });
  const raw = (method: string, path: string, init: RequestInit = {}, remoteAddress = '203.0.113.10') => {
    // The harness's tenant is named by its host, as a browser on its site would.
    const given = (init.headers ?? {}) as Record<string, string>;
    const named = Object.keys(given).some((name) => name.toLowerCase() === 'host');
    const headers = options.tenant && !named ? { Host: options.tenant.host, ...given } : given;
    return app.request(path, { method, ...init, headers }, { incoming: incoming(remoteAddress, headers) });
  };

  const call = async (method: string, path: string, options: CallOptions = {}): Promise<CallResult> => {
    // Fetched before the request under test, so that request alone decides what the app is doing.
    // From an address of its own, so it never spends the budget of the client under test.
    validator ??= new OpenApiResponseValidator(await (await raw('GET', OPENAPI_PATH, {}, '192.0.2.250')).json());
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
    if (options.token) headers.Authorization = `Token ${options.token}`;
    const response = await raw(
      method,
      path,
      {
        headers,
        body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
      },
      options.remoteAddress,
    );
    const text = await response.text();
    const body = text === '' ? null : JSON.parse(text);
    const pathOnly = path.split('?')[0] ?? path;
    // Every JSON success response names its charset (RealWorld clients and suites check it).
    if (response.status < 400 && body !== null && pathOnly.startsWith('/api/') && !pathOnly.endsWith('openapi.json')) {
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    }
    // Unknown routes and methods have no operation in the document to be checked against.
    const hasOperation = !['ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED'].includes(body?.code);
    if (hasOperation) {
      expect(validator.check(method, pathOnly, response.status, response.headers.get('Content-Type'), body)).toEqual([]);
    }
    return { status: response.status, headers: response.headers, body };
  };

  const register = async (username: string, password = 'password123'): Promise<string> => {
    const result = await call('POST', '/api/users', {
      body: { user: { username, email: `${username}@example.com`, password } },
    });
    expect(result.status).toBe(201);
    return result.body.user.token as string;
  };

  const createArticle = async (token: string, article: Record<string, unknown> = {}) => {
    const result = await call('POST', '/api/articles', {
      token,
      body: { article: { title: 'How to train your dragon', description: 'Ever wonder how?', body: 'Believe', ...article } },
    });
    expect(result.status).toBe(201);
    return result.body.article as { slug: string } & Record<string, unknown>;
  };

  /** The SDK's MCP client, connected to /mcp of this app (in process, from its own address). */
  const mcp = (token?: string, remoteAddress = '203.0.113.20') => {
    const inProcess = (async (input: string | URL | Request, init: RequestInit = {}) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      return raw(init.method ?? 'GET', url.pathname + url.search, { ...init, headers }, remoteAddress);
    }) as typeof fetch;
    return connectMcp('http://conduit.test/mcp', { ...(token ? { token } : {}), fetch: inProcess });
  };

  /** Runs `work` (direct calls of the memory's use cases) for `tenant`, as a request to its host would. */
  const runIn = <T>(tenant: Tenant, work: () => Promise<T>) => scope.run({ tenant }, work);

  return { app, memory, tokens, logger, scope, healthState, features, tenancy, runIn, raw, call, register, createArticle, mcp };
};

export type HttpTestHarness = ReturnType<typeof createHttpTestHarness>;

/**
 * Asserts the one error shape: RFC 9457 problem details with Conduit's extensions, and RealWorld's
 * `errors` map with at least one readable message. JSON unless the request asked for problem+json.
 */
export const expectProblem = (result: CallResult, status: number, code: string) => {
  expect(result.status).toBe(status);
  expect(result.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
  const errors = (result.body as { errors?: Record<string, string[]> }).errors ?? {};
  expect(Object.values(errors).flat().length, 'errors map has messages').toBeGreaterThan(0);
  expect(result.body).toMatchObject({
    type: expect.stringContaining('/problems/'),
    title: expect.any(String),
    status,
    detail: expect.any(String),
    instance: expect.any(String),
    code,
    requestId: result.headers.get('X-Request-Id'),
  });
};
