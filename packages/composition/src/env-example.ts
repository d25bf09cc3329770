import { z } from 'zod';
import { configSchema } from './config.js';

type Setting = keyof z.input<typeof configSchema>;

/**
 * What each setting means, and its default where the schema cannot say it (it depends on
 * NODE_ENV, the machine or another setting). Typed by the schema's keys: a new setting without a
 * line here does not compile, so `.env.example`, generated from this, cannot fall behind.
 */
const SETTINGS: { readonly [K in Setting]: { readonly meaning: string; readonly default?: string } } = {
  NODE_ENV: { meaning: 'development, production or test; production requires DATABASE_URL and JWT_SECRET or JWT_KEYS' },
  HOST: { meaning: 'interface to bind' },
  PORT: { meaning: 'HTTP port (0 picks a free one; the "listening" log line names it)' },
  DATABASE_URL: {
    meaning:
      'postgres://user:password@host:5432/database, the role the server runs as (row-level security holds it); without it, the embedded PostgreSQL in DATA_DIR/db',
  },
  DATABASE_MIGRATION_URL: {
    meaning: "the tables' owner, which migrates and runs the job queue's schema, then grants DATABASE_URL's role its rights",
    default: 'none: DATABASE_URL does both',
  },
  DATABASE_REPLICA_URLS: {
    meaning:
      'read replicas of DATABASE_URL (streaming replication), comma-separated: reads go to one within REPLICA_MAX_LAG_MS that has what the reader wrote',
    default: 'none: every read on DATABASE_URL',
  },
  REPLICA_MAX_LAG_MS: { meaning: 'a replica further behind the primary than this serves no read' },
  DATA_DIR: { meaning: 'embedded database and generated JWT secret', default: '<checkout>/.data' },
  DB_POOL_SIZE: { meaning: 'most pooled PostgreSQL connections of each server process' },
  DB_CONNECTIONS_PER_ROUTE: {
    meaning: 'pooled connections one operation may hold at once (beyond: wait DB_ACQUIRE_TIMEOUT_MS, then 503)',
    default: 'a third of DB_POOL_SIZE',
  },
  JWT_SECRET: { meaning: 'HS256 secret, at least 32 characters', default: 'generated into DATA_DIR (not in production)' },
  JWT_KEYS: { meaning: 'kid:secret,kid:secret: the first signs, all verify (key rotation); overrides JWT_SECRET' },
  JWT_ISSUER: { meaning: 'iss claim set and checked' },
  JWT_AUDIENCE: { meaning: 'aud claim set and checked' },
  JWT_TTL_SECONDS: { meaning: 'how long a session (and its tokens) lasts from sign-in, unless ended first' },
  CORS_ORIGINS: { meaning: 'comma-separated allowed origins; * allows any (without credentials)' },
  BODY_LIMIT_BYTES: { meaning: 'largest request body (413 beyond)' },
  IMPORT_BODY_LIMIT_BYTES: {
    meaning: 'largest body of POST /api/articles/imports (413 beyond); streamed, and bounded in time by HTTP_REQUEST_TIMEOUT_MS',
  },
  JOB_WORKERS: { meaning: 'job workers in each server process; 0: this server only queues jobs and `conduit worker` runs them' },
  LOG_LEVEL: { meaning: 'fatal, error, warn, info, debug, trace or silent' },
  LOG_PRETTY: { meaning: 'human-readable logs for development' },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    meaning:
      'OpenTelemetry collector (OTLP over HTTP, e.g. http://collector:4318): traces are exported only where this or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set; OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER(_ARG), OTEL_RESOURCE_ATTRIBUTES, OTEL_EXPORTER_OTLP_PROTOCOL and OTEL_BSP_* are read by the SDK as the spec says',
  },
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: { meaning: 'the traces endpoint itself (…/v1/traces), instead of OTEL_EXPORTER_OTLP_ENDPOINT' },
  OTEL_SDK_DISABLED: { meaning: 'true: no span is exported even with an endpoint set' },
  REQUEST_TIMEOUT_MS: {
    meaning:
      'budget of each API request, which every answer keeps whatever the database does: a read is answered 503 DEADLINE_EXCEEDED at the deadline; a write still running then is answered 503 DEADLINE_EXCEEDED when it will roll back, 503 WRITE_OUTCOME_UNKNOWN once its commit was sent (its Idempotency-Key keeps the real outcome for a retry)',
  },
  MAX_IN_FLIGHT: { meaning: 'concurrent API requests beyond which new ones get 503 OVERLOADED at once' },
  DB_STATEMENT_TIMEOUT_MS: { meaning: 'PostgreSQL statement_timeout of every pooled connection' },
  DB_ACQUIRE_TIMEOUT_MS: { meaning: 'longest wait for a pooled connection; then 503 SERVICE_UNAVAILABLE' },
  READINESS_TIMEOUT_MS: { meaning: 'how long /readyz waits for PostgreSQL' },
  HTTP_HEADERS_TIMEOUT_MS: { meaning: "Node's headersTimeout (at most HTTP_REQUEST_TIMEOUT_MS)" },
  HTTP_REQUEST_TIMEOUT_MS: { meaning: "Node's requestTimeout: the whole request, an import's upload included, must arrive within it" },
  HTTP_KEEP_ALIVE_TIMEOUT_MS: { meaning: "Node's keepAliveTimeout; keep it above your load balancer's idle timeout" },
  HTTP_MAX_HEADER_BYTES: { meaning: 'larger request headers get 431' },
  MCP_ENABLED: { meaning: 'the Model Context Protocol for AI agents at /mcp (same use cases, rules and limits as /api)' },
  RATE_LIMITS_ENABLED: { meaning: 'rate limiting on or off' },
  RATE_LIMIT_ANONYMOUS: {
    meaning: 'requests per window (points/seconds) per client address without a token',
    default: 'production 300/60, else 100000/60',
  },
  RATE_LIMIT_AUTHENTICATED: { meaning: 'requests per window per signed-in user', default: 'production 600/60, else 100000/60' },
  RATE_LIMIT_LOGIN_ACCOUNT: {
    meaning: 'login attempts per account that failed or are being checked',
    default: 'production 5/900, else 100/900',
  },
  RATE_LIMIT_LOGIN_ADDRESS: { meaning: 'the same, per client address', default: 'production 20/900, else 10000/900' },
  RATE_LIMIT_SIGNUP_ADDRESS: { meaning: 'sign-ups per client address', default: 'production 10/3600, else 10000/3600' },
  REDIS_URL: { meaning: 'redis://host:6379: rate-limit budgets shared by every instance (in memory per instance without it)' },
  TRUSTED_PROXIES: { meaning: 'comma-separated addresses/CIDRs (or loopback, uniquelocal…) whose X-Forwarded-For is believed' },
  FEATURE_REGISTRATION: { meaning: 'false closes sign-up (403 REGISTRATION_CLOSED)' },
  FEATURE_COMMENTS: { meaning: 'false stops new comments (403 COMMENTS_DISABLED)' },
  METRICS_ENABLED: { meaning: 'Prometheus metrics on or off' },
  METRICS_PORT: { meaning: 'serve /metrics on this port instead of the API port; conduit worker serves its metrics only here' },
  WEB_CONCURRENCY: { meaning: 'server processes on the one port (node:cluster)', default: 'the available cores in production, else 1' },
  SHUTDOWN_DRAIN_DELAY_MS: {
    meaning: "after SIGTERM, how long to keep accepting connections while readiness fails (≥ the load balancer's probe interval)",
  },
  SHUTDOWN_GRACE_MS: { meaning: 'after the drain delay, how long requests in flight (and a job batch in hand) may take' },
  TENANT_UNKNOWN_HOST: { meaning: 'a Host no tenant is mapped to: served by the default tenant (default), or refused with 421 (reject)' },
  TENANT_REFRESH_MS: { meaning: "how often each server re-reads the tenants' host names (a tenant added is served within this)" },
  FLAG_OFREP_URL: {
    meaning:
      "an OFREP flag service to evaluate flags instead of Conduit's own store (flagd, GO Feature Flag, …): asked with the publication, user id and role; conduit flags and /api/admin/flags then change nothing it answers",
  },
  FLAG_REFRESH_MS: {
    meaning:
      "how often each process re-reads a publication's flags in the background; a change is announced at once, so this only bounds a missed announcement",
  },
};

/** The schema's own default for a setting, as the environment would spell it; undefined when it has none. */
const schemaDefaults = (): Record<string, unknown> => {
  const properties = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }).properties ?? {};
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, (property as { default?: unknown }).default]));
};

/**
 * `.env.example`: every setting, its meaning and default, commented out (copied to `.env`, uncomment to set).
 * Generated (`pnpm env:write`); a test fails when the committed file differs from this.
 */
export const renderEnvExample = (): string => {
  const defaults = schemaDefaults();
  const lines = [
    '# Every setting of the Conduit server, CLI and job worker, with its meaning and default.',
    '# Generated from the configuration schema (packages/composition/src/config.ts) by `pnpm env:write`;',
    '# a test fails when this file and the schema disagree.',
    '# Copy it to .env (git-ignored) and uncomment a line to set it: the server, the CLI and the worker',
    '# read .env from the working directory at start; a variable set in the real environment wins.',
  ];
  for (const name of Object.keys(configSchema.shape) as Setting[]) {
    const { meaning, default: described } = SETTINGS[name];
    const value = defaults[name];
    const spelled = Array.isArray(value) ? value.join(',') : value === undefined ? undefined : String(value);
    lines.push('', `# ${meaning}`);
    if (described !== undefined) lines.push(`# default: ${described}`, `# ${name}=`);
    else lines.push(`# ${name}=${spelled ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
};
