import type { Config } from './config.js';

type Failure = Error & { code?: string; syscall?: string; errors?: unknown[] };

const databaseTarget = (url: string | undefined): { where: string; name: string } => {
  if (url === undefined) return { where: 'the embedded PostgreSQL', name: 'conduit' };
  const parsed = new URL(url);
  return { where: `${parsed.hostname}:${parsed.port || 5432}`, name: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres' };
};

/** The error itself or the first of its causes (and aggregated errors) that carries a code. */
const coded = (error: unknown): Failure | undefined => {
  for (let current = error, depth = 0; current instanceof Error && depth < 6; depth++) {
    const failure = current as Failure;
    if (failure.code !== undefined) return failure;
    current = failure.errors?.[0] ?? failure.cause;
  }
  return undefined;
};

/**
 * Why the server could not start, as the one line an operator reads: the cause and the fix.
 * Anything unrecognised still fits on one line; the stack goes to the debug log, not the terminal.
 */
export const describeStartupFailure = (error: unknown, config: Config): string => {
  if (error instanceof Error && error.name === 'EmbeddedPostgresUnavailable') return `Cannot start: ${error.message}`;
  const failure = coded(error);
  const database = databaseTarget(config.DATABASE_URL);
  switch (failure?.code) {
    case 'EADDRINUSE':
      return `Cannot start: port ${config.PORT} on ${config.HOST} is already in use; stop the other process or set PORT (PORT=0 picks a free one)`;
    case 'EACCES':
      if (failure.syscall === 'listen')
        return `Cannot start: not allowed to listen on port ${config.PORT}; use a port above 1023 or set PORT`;
      break;
    case 'EADDRNOTAVAIL':
      return `Cannot start: HOST=${config.HOST} is not an address of this machine; set HOST (0.0.0.0 listens on every interface)`;
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Cannot start: no PostgreSQL answers at ${database.where} (${failure.code}); start it, or fix DATABASE_URL (unset it to use the embedded PostgreSQL in development)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot start: the database host in DATABASE_URL (${database.where}) cannot be resolved; fix DATABASE_URL`;
    case '3D000':
      return `Cannot start: database "${database.name}" does not exist on ${database.where}; create it (createdb ${database.name}) or fix DATABASE_URL`;
    case '28P01':
    case '28000':
      return `Cannot start: PostgreSQL at ${database.where} refused the user or password in DATABASE_URL; fix DATABASE_URL`;
    case '42501':
      return `Cannot start: the DATABASE_URL user lacks a privilege the migrations need on "${database.name}"; grant it or run migrations with an owner (pnpm migrate)`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Cannot start: ${message.split('\n')[0]}`;
};
