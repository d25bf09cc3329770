/**
 * PostgreSQL and pool failures that mean "the database cannot serve this now" rather than a bug:
 * a client may retry them later (503), and operators see them as capacity or availability issues.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000', // connection_exception
  '08003', // connection_does_not_exist
  '08006', // connection_failure
]);
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect', // pg-pool: no connection free within the acquire timeout
  'Connection terminated',
];

/** An error, or what pg-boss hands its `error` listeners: an error's fields copied onto a plain object. */
type ErrorLike = { readonly message?: unknown; readonly cause?: unknown };
const isErrorLike = (value: unknown): value is ErrorLike => typeof value === 'object' && value !== null;

export const isDatabaseUnavailable = (error: unknown): boolean => {
  for (let current = error, depth = 0; isErrorLike(current) && depth < 5; current = current.cause, depth++) {
    // pg puts the SQLSTATE in `code` (Node's socket errors too); MikroORM's exceptions copy it to `sqlState`.
    const code: unknown = Reflect.get(current, 'code');
    const sqlState: unknown = Reflect.get(current, 'sqlState');
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_CODES.has(code))) return true;
    if (typeof sqlState === 'string' && UNAVAILABLE_SQLSTATES.has(sqlState)) return true;
    const text = current.message;
    if (typeof text === 'string' && UNAVAILABLE_MESSAGES.some((message) => text.includes(message))) return true;
    if (current.constructor?.name === 'ConnectionException') return true;
  }
  return false;
};
