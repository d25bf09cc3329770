import { pino } from 'pino';
import type { Config } from './config.js';
import { serializeError } from './log-errors.js';

/**
 * Secrets never reach the logs: every place this service could log them, one or two levels deep.
 * Explicit paths rather than `*.password` wildcards, which pino documents as the slow kind of
 * redaction, and which cost measurably on every request's access line (docs/benchmarks.md).
 */
export const REDACTED_PATHS = [
  'password',
  'token',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'request.headers.authorization',
  'user.password',
  'user.token',
  'body.password',
  'body.token',
  'body.user.password',
  'body.user.token',
  'err.config.headers.authorization',
];

const options = (config: Pick<Config, 'LOG_LEVEL'>) => ({
  level: config.LOG_LEVEL,
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  // Every error, whoever logs it, through one serializer that keeps its facts and drops what drivers hang on it.
  serializers: { err: serializeError, error: serializeError },
});

/** Lines wait in memory at most this long, or until 4 KiB are pending, whichever comes first. */
const FLUSH_INTERVAL_MS = 250;

/**
 * JSON lines on stdout, buffered: logging costs a system call per 4 KiB or per quarter second, not
 * one per request. Pending lines are written synchronously when the process exits, however it exits.
 */
export const createLogger = (config: Pick<Config, 'LOG_LEVEL' | 'LOG_PRETTY'>, stream?: pino.DestinationStream) => {
  if (stream) return pino(options(config), stream);
  if (config.LOG_PRETTY) return pino({ ...options(config), transport: { target: 'pino-pretty' } });
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), FLUSH_INTERVAL_MS).unref();
  process.once('exit', () => destination.flushSync());
  return pino(options(config), destination);
};

export type Logger = ReturnType<typeof createLogger>;
