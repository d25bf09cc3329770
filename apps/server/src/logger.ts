import { pino } from 'pino';
import type { Config } from './config.js';

/** Secrets never reach the logs, whatever object they hide in. */
export const REDACTED_PATHS = [
  'password',
  'token',
  'authorization',
  '*.password',
  '*.token',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'user.password',
  'user.token',
];

export const createLogger = (config: Pick<Config, 'LOG_LEVEL' | 'LOG_PRETTY'>) =>
  pino({
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(config.LOG_PRETTY ? { transport: { target: 'pino-pretty' } } : {}),
  });

export type Logger = ReturnType<typeof createLogger>;
