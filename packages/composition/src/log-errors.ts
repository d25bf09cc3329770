/*
 * How an error reaches a log line: its type, message, stack, code and the error's own plain fields
 * (PostgreSQL's severity, detail, constraint, …), its cause and the errors it aggregates, and
 * nothing else. Drivers hang their machinery on what they throw: node-postgres's errors carry the
 * client (connection parameters, parser state, type tables: several KB a line), others a socket,
 * MikroORM's the statement and its parameters (user data). Pino's standard serializer copies every
 * enumerable field; this one keeps only values that are text, numbers or booleans, and drops fields
 * that name statements' values whatever they hold.
 */

/** Fields never logged, whatever they hold: a statement's values and the statement text that inlines them. */
const WITHHELD = new Set(['parameters', 'params', 'values', 'sql', 'query', 'password', 'token', 'authorization']);
/** A cause of a cause of …: enough to read where a failure began, bounded for a cycle. */
const MAX_DEPTH = 4;
const MAX_TEXT = 4096;

export type LoggedError = {
  type: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
};

const plain = (value: unknown): value is string | number | boolean | bigint =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';

const bounded = (value: string | number | boolean | bigint): string | number | boolean =>
  typeof value === 'bigint' ? String(value) : typeof value === 'string' && value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;

const serialize = (error: unknown, depth: number): LoggedError | string | number | boolean | null => {
  if (error === null || error === undefined) return null;
  if (plain(error)) return bounded(error);
  if (typeof error !== 'object') return typeof error;
  const name: unknown = Reflect.get(error, 'name');
  const message: unknown = Reflect.get(error, 'message');
  const logged: LoggedError = {
    type: error instanceof Error ? error.constructor.name : typeof name === 'string' ? name : 'Object',
    message: typeof message === 'string' ? bounded(message).toString() : '',
  };
  const stack: unknown = Reflect.get(error, 'stack');
  if (typeof stack === 'string') logged.stack = stack;
  for (const key of Object.keys(error)) {
    if (WITHHELD.has(key) || key in logged) continue;
    const value: unknown = Reflect.get(error, key);
    if (plain(value)) logged[key] = bounded(value);
  }
  if (depth < MAX_DEPTH) {
    const cause: unknown = Reflect.get(error, 'cause');
    if (cause !== undefined) logged.cause = serialize(cause, depth + 1);
    const errors: unknown = Reflect.get(error, 'errors');
    if (Array.isArray(errors)) logged.errors = errors.slice(0, 10).map((each: unknown) => serialize(each, depth + 1));
  }
  return logged;
};

/** Pino's `err` serializer: an error as its plain facts (see above); anything else as it is. */
export const serializeError = (error: unknown): unknown => serialize(error, 0);
