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

const options = (config: Pick<Config, 'LOG_LEVEL'>) => ({
  level: config.LOG_LEVEL,
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
});

/**
 * JSON lines on stdout, written asynchronously: lines logged while a write is in flight go out
 * together, so logging does not cost a system call per request. Pending lines are written
 * synchronously when the process exits, however it exits.
 */
export const createLogger = (config: Pick<Config, 'LOG_LEVEL' | 'LOG_PRETTY'>) => {
  if (config.LOG_PRETTY) return pino({ ...options(config), transport: { target: 'pino-pretty' } });
  const destination = pino.destination({ dest: 1, sync: false });
  process.once('exit', () => destination.flushSync());
  return pino(options(config), destination);
};

export type Logger = ReturnType<typeof createLogger>;
