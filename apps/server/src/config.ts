import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultDataDir = fileURLToPath(new URL('../../../.data', import.meta.url));

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Every setting the server reads, with its default. The README's configuration table mirrors this. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default(defaultDataDir),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
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
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === undefined) {
    return { ok: false, message: 'Invalid configuration: JWT_SECRET is required when NODE_ENV=production' };
  }
  return { ok: true, config };
};
