import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultDataDir = fileURLToPath(new URL('../../../.data', import.meta.url));

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

/** A budget as `points/seconds`, e.g. `300/60`: 300 requests a minute. */
const budgetText = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, context) => {
      const match = /^(\d+)\/(\d+)$/.exec(value.trim());
      const [points, windowSeconds] = [Number(match?.[1]), Number(match?.[2])];
      if (!match || points < 1 || windowSeconds < 1) {
        context.addIssue({ code: 'custom', message: 'must be "points/seconds", e.g. 300/60' });
        return z.NEVER;
      }
      return { points, windowSeconds };
    });

/** Every setting the server reads, with its default. The README's configuration table mirrors this. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default(defaultDataDir),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** `kid:secret,kid:secret`: the first signs, all verify (key rotation). Overrides JWT_SECRET. */
  JWT_KEYS: z
    .string()
    .transform((value, context) => {
      const keys = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '').map((entry) => {
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
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).default(7 * 24 * 3600),
  CORS_ORIGINS: z
    .string()
    .default('*')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '')),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanText.default(false),
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
  RATE_LIMITS_ENABLED: booleanText.default(true),
  RATE_LIMIT_ANONYMOUS: budgetText('300/60'),
  RATE_LIMIT_AUTHENTICATED: budgetText('600/60'),
  RATE_LIMIT_LOGIN_ACCOUNT: budgetText('5/900'),
  RATE_LIMIT_LOGIN_ADDRESS: budgetText('20/900'),
  RATE_LIMIT_SIGNUP_ADDRESS: budgetText('10/3600'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Peers whose X-Forwarded-For is believed: addresses, CIDRs, or loopback / linklocal / uniquelocal. */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')),
  FEATURE_REGISTRATION: booleanText.default(true),
  FEATURE_COMMENTS: booleanText.default(true),
  METRICS_ENABLED: booleanText.default(true),
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).default(0),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Config = z.infer<typeof schema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Parses the environment; on failure, one line naming the first bad variable. */
export const parseConfig = (env: NodeJS.ProcessEnv): ConfigResult => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    return { ok: false, message: `Invalid configuration: ${variable} ${issue?.message ?? 'is invalid'}` };
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === undefined && config.JWT_KEYS === undefined) {
    return { ok: false, message: 'Invalid configuration: JWT_SECRET or JWT_KEYS is required when NODE_ENV=production' };
  }
  if (config.NODE_ENV === 'production' && config.DATABASE_URL === undefined) {
    return { ok: false, message: 'Invalid configuration: DATABASE_URL is required when NODE_ENV=production' };
  }
  // Node's own rule: the headers are part of the request.
  if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) {
    return { ok: false, message: 'Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS' };
  }
  return { ok: true, config };
};
