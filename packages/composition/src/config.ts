import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultDataDir = fileURLToPath(new URL('../../../.data', import.meta.url));

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

/** A size in bytes, at least 1 KiB. */
const byteLimit = (fallback: number) => z.coerce.number().int().min(1024).default(fallback);
/** A URL, or nothing when unset or empty (as Compose passes an unset variable through). */
const optionalUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());

/** A comma-separated setting, as its trimmed, non-empty entries. */
const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    );

/** A budget as `points/seconds`, e.g. `300/60`: 300 requests a minute. Its default depends on NODE_ENV. */
const budgetText = () =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const match = /^(\d+)\/(\d+)$/.exec(value.trim());
      const [points, windowSeconds] = [Number(match?.[1]), Number(match?.[2])];
      if (!match || points < 1 || windowSeconds < 1) {
        context.addIssue({ code: 'custom', message: 'must be "points/seconds", e.g. 300/60' });
        return z.NEVER;
      }
      return { points, windowSeconds };
    });

/** Every setting the server reads, with its default. docs/configuration.md's table mirrors this. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * The tables' owner, which applies migrations (and runs the job queue's own tables); DATABASE_URL
   * is then the role the server and the worker run as, which may not own the tables nor bypass
   * row-level security, and is granted what it needs after each migration. Unset: DATABASE_URL does both.
   */
  DATABASE_MIGRATION_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * Read replicas of DATABASE_URL (streaming replication), comma-separated: the API's reads go there
   * when a replica is close enough behind and has what the reader wrote (adapters-db/src/replicas).
   */
  DATABASE_REPLICA_URLS: commaList('').pipe(z.array(z.url({ protocol: /^postgres(ql)?$/ }))),
  /** A replica further behind the primary than this serves no read (they go to the primary). */
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(100).default(2_000),
  DATA_DIR: z.string().min(1).default(defaultDataDir),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * Pooled connections one operation may hold at once; default a third of the pool, so statements
   * stuck on one table across three of its routes still leave connections for the rest
   * (adapters-db/src/connection-budgets.ts).
   */
  DB_CONNECTIONS_PER_ROUTE: z.coerce.number().int().min(1).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** `kid:secret,kid:secret`: the first signs, all verify (key rotation). Overrides JWT_SECRET. */
  JWT_KEYS: z
    .string()
    .transform((value, context) => {
      const keys = value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .map((entry) => {
          const at = entry.indexOf(':');
          return { kid: entry.slice(0, at), secret: entry.slice(at + 1) };
        });
      for (const key of keys) {
        if (!/^[A-Za-z0-9._-]{1,64}$/.test(key.kid) || key.secret.length < 32) {
          context.addIssue({ code: 'custom', message: 'must be "kid:secret" pairs (kid [A-Za-z0-9._-], secret of 32+ characters)' });
          return z.NEVER;
        }
      }
      if (keys.length === 0 || new Set(keys.map((key) => key.kid)).size !== keys.length) {
        context.addIssue({ code: 'custom', message: 'must name at least one key, each kid once' });
        return z.NEVER;
      }
      return keys;
    })
    .optional(),
  JWT_ISSUER: z.string().min(1).default('conduit'),
  JWT_AUDIENCE: z.string().min(1).default('conduit-api'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).default(604_800), // 7 days
  CORS_ORIGINS: commaList('*'),
  BODY_LIMIT_BYTES: byteLimit(1024 * 1024),
  /**
   * Largest body of a bulk import (POST /api/articles/imports), streamed to the database as it
   * arrives, so memory does not grow with it. 256 MiB holds about 400,000 articles of 600 bytes.
   */
  IMPORT_BODY_LIMIT_BYTES: byteLimit(256 * 1024 * 1024),
  /** Job workers in each server process (one import each at a time); 0: only `conduit worker` processes run them. */
  JOB_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanText.default(false),
  /**
   * OpenTelemetry: spans are exported over OTLP only where an endpoint is set (and the SDK is not
   * disabled); the SDK reads the rest of its standard variables itself (tracing/start-tracing.ts).
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
  OTEL_SDK_DISABLED: booleanText.default(false),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(10).default(5_000),
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(256),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(10).default(4_500),
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(10).default(1_000),
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(10).default(1_000),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
  // Longer than a load balancer's idle timeout (60 s on common ones), so the balancer closes first.
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1).default(65_000),
  HTTP_MAX_HEADER_BYTES: z.coerce.number().int().min(1024).default(16_384),
  /** The Model Context Protocol at /mcp, for AI agents; the same use cases, rules and limits as /api. */
  MCP_ENABLED: booleanText.default(true),
  RATE_LIMITS_ENABLED: booleanText.default(true),
  RATE_LIMIT_ANONYMOUS: budgetText(),
  RATE_LIMIT_AUTHENTICATED: budgetText(),
  RATE_LIMIT_LOGIN_ACCOUNT: budgetText(),
  RATE_LIMIT_LOGIN_ADDRESS: budgetText(),
  RATE_LIMIT_SIGNUP_ADDRESS: budgetText(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Peers whose X-Forwarded-For is believed: addresses, CIDRs, or loopback / linklocal / uniquelocal. */
  TRUSTED_PROXIES: commaList(''),
  FEATURE_REGISTRATION: booleanText.default(true),
  FEATURE_COMMENTS: booleanText.default(true),
  METRICS_ENABLED: booleanText.default(true),
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /**
   * Server processes sharing the port (node:cluster), one per core at most being useful. Default:
   * the available cores in production, 1 otherwise (one process to debug, one log stream).
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).default(0),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * A request whose Host no tenant is mapped to: served by the `default` tenant (what a
   * single-publication deployment and existing clients need), or refused with 421 (`reject`).
   */
  TENANT_UNKNOWN_HOST: z.enum(['default', 'reject']).default('default'),
  /** How often each server re-reads the tenants' host names (a tenant added by the CLI is served within this). */
  TENANT_REFRESH_MS: z.coerce.number().int().min(100).default(5_000),
  FLAG_REFRESH_MS: z.coerce.number().int().min(100).default(30_000),
  FLAG_OFREP_URL: optionalUrl,
});

type Budget = { points: number; windowSeconds: number };
type BudgetSettings = Record<
  | 'RATE_LIMIT_ANONYMOUS'
  | 'RATE_LIMIT_AUTHENTICATED'
  | 'RATE_LIMIT_LOGIN_ACCOUNT'
  | 'RATE_LIMIT_LOGIN_ADDRESS'
  | 'RATE_LIMIT_SIGNUP_ADDRESS',
  Budget
>;

/**
 * Abuse budgets for the internet (docs/api.md gives each one's reason): a person browsing makes a
 * few requests a second at most; a password is guessed one login at a time; one address rarely
 * opens more than a handful of accounts an hour.
 */
const PRODUCTION_BUDGETS: BudgetSettings = {
  RATE_LIMIT_ANONYMOUS: { points: 300, windowSeconds: 60 },
  RATE_LIMIT_AUTHENTICATED: { points: 600, windowSeconds: 60 },
  RATE_LIMIT_LOGIN_ACCOUNT: { points: 5, windowSeconds: 900 },
  RATE_LIMIT_LOGIN_ADDRESS: { points: 20, windowSeconds: 900 },
  RATE_LIMIT_SIGNUP_ADDRESS: { points: 10, windowSeconds: 3600 },
};

/**
 * Development: a frontend's own end-to-end suite runs from one address, with hundreds of sign-ups
 * and thousands of requests a minute. Limits still apply (so they can be seen working), far apart.
 */
const DEVELOPMENT_BUDGETS: BudgetSettings = {
  RATE_LIMIT_ANONYMOUS: { points: 100_000, windowSeconds: 60 },
  RATE_LIMIT_AUTHENTICATED: { points: 100_000, windowSeconds: 60 },
  RATE_LIMIT_LOGIN_ACCOUNT: { points: 100, windowSeconds: 900 },
  RATE_LIMIT_LOGIN_ADDRESS: { points: 10_000, windowSeconds: 900 },
  RATE_LIMIT_SIGNUP_ADDRESS: { points: 10_000, windowSeconds: 3600 },
};

type Parsed = z.infer<typeof configSchema>;
export type Config = Omit<Parsed, keyof BudgetSettings | 'DB_CONNECTIONS_PER_ROUTE' | 'WEB_CONCURRENCY'> &
  BudgetSettings & { DB_CONNECTIONS_PER_ROUTE: number; WEB_CONCURRENCY: number };

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** What production refuses to run without; every missing one is named at once. */
const productionProblems = (config: Parsed): string[] => {
  if (config.NODE_ENV !== 'production') return [];
  return [
    ...(config.JWT_SECRET === undefined && config.JWT_KEYS === undefined
      ? ['JWT_SECRET or JWT_KEYS is required when NODE_ENV=production']
      : []),
    ...(config.DATABASE_URL === undefined ? ['DATABASE_URL is required when NODE_ENV=production'] : []),
  ];
};

/** Replicas are of a configured primary, as is a migration role: the embedded database has neither. */
const replicaProblems = (config: Parsed): string[] => [
  ...(config.DATABASE_REPLICA_URLS.length > 0 && config.DATABASE_URL === undefined
    ? ['DATABASE_REPLICA_URLS needs DATABASE_URL (the primary they replicate)']
    : []),
  ...(config.DATABASE_MIGRATION_URL !== undefined && config.DATABASE_URL === undefined
    ? ['DATABASE_MIGRATION_URL needs DATABASE_URL (the role the server runs as)']
    : []),
];

/** Parses the environment; on failure, one line naming every bad or missing variable. */
export const parseConfig = (env: NodeJS.ProcessEnv): ConfigResult => {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
    return { ok: false, message: `Invalid configuration: ${problems.join('; ')}` };
  }
  const parsedConfig = parsed.data;
  const problems = [...productionProblems(parsedConfig), ...replicaProblems(parsedConfig)];
  // Node's own rule: the headers are part of the request.
  if (parsedConfig.HTTP_HEADERS_TIMEOUT_MS > parsedConfig.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (problems.length > 0) return { ok: false, message: `Invalid configuration: ${problems.join('; ')}` };
  const defaults = parsedConfig.NODE_ENV === 'production' ? PRODUCTION_BUDGETS : DEVELOPMENT_BUDGETS;
  const budgets = Object.fromEntries(
    (Object.keys(defaults) as (keyof BudgetSettings)[]).map((name) => [name, parsedConfig[name] ?? defaults[name]]),
  ) as BudgetSettings;
  const connectionsPerRoute = parsedConfig.DB_CONNECTIONS_PER_ROUTE ?? Math.max(1, Math.floor(parsedConfig.DB_POOL_SIZE / 3));
  const processes = parsedConfig.WEB_CONCURRENCY ?? (parsedConfig.NODE_ENV === 'production' ? availableParallelism() : 1);
  return {
    ok: true,
    config: { ...parsedConfig, ...budgets, DB_CONNECTIONS_PER_ROUTE: connectionsPerRoute, WEB_CONCURRENCY: processes },
  };
};
