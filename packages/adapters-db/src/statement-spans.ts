import { type Attributes, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_SUMMARY,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
} from '@opentelemetry/semantic-conventions';

const tracer = trace.getTracer('conduit-db');

const OPERATION = /^\s*(\w+)/;
const TABLE = /\b(?:from|into|update|join)\s+"?(\w+)"?/i;
/** In a statement with common table expressions, the write it makes (the first), if any. */
const WRITE = /\b(insert\s+into|update|delete\s+from)\s+"?(\w+)"?/i;
const VERBS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);

/**
 * What a statement does, from its text, as the conventions' `db.query.summary` ("SELECT articles";
 * "INSERT articles" for a `WITH … INSERT INTO articles`): never the text itself, whose values
 * MikroORM inlines, nor its parameters.
 */
export const summaryOf = (text: string): { operation: string; summary: string; table?: string } => {
  const head = text.length > 2000 ? text.slice(0, 2000) : text;
  const first = (OPERATION.exec(head)?.[1] ?? 'SQL').toUpperCase();
  if (first === 'WITH') {
    const write = WRITE.exec(head);
    const verb = write?.[1]?.split(/\s/)[0]?.toUpperCase();
    if (verb !== undefined && write?.[2] !== undefined) return { operation: verb, summary: `${verb} ${write[2]}`, table: write[2] };
    return { operation: 'SELECT', summary: 'WITH' };
  }
  const table = VERBS.has(first) ? TABLE.exec(head)?.[1] : undefined;
  return table === undefined ? { operation: first, summary: first } : { operation: first, summary: `${first} ${table}`, table };
};

type Description = { readonly summary: string; readonly attributes: Readonly<Attributes> };

const describe = (text: string, name: string | undefined): Description => {
  const { operation, summary, table } = summaryOf(text);
  const attributes: Attributes = {
    [ATTR_DB_SYSTEM_NAME]: 'postgresql',
    [ATTR_DB_OPERATION_NAME]: operation,
    [ATTR_DB_QUERY_SUMMARY]: summary,
  };
  if (table !== undefined) attributes[ATTR_DB_COLLECTION_NAME] = table;
  if (name !== undefined) attributes['conduit.statement'] = name;
  return { summary, attributes: Object.freeze(attributes) };
};

/**
 * The prepared statements' descriptions, each worked out once: they are the read models' and
 * counters' few dozen texts (as many as pg-pool-hooks names), sent on every request. A statement
 * with its values inlined (MikroORM's) is described each time, and never kept.
 */
const prepared = new Map<string, Description>();

/** A client span for one statement, a child of the work that sent it; `name` is its prepared statement's. */
export const startStatementSpan = (text: string, name: string | undefined): Span => {
  let description = name === undefined ? undefined : prepared.get(name);
  if (description === undefined) {
    description = describe(text, name);
    if (name !== undefined) prepared.set(name, description);
  }
  return tracer.startSpan(description.summary, { kind: SpanKind.CLIENT, attributes: description.attributes });
};

/** Ends the statement's span; a failure is recorded with PostgreSQL's SQLSTATE, not its message (which can quote values). */
export const endStatementSpan = (span: Span, error?: unknown): void => {
  if (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'error';
    span.setAttribute(ATTR_ERROR_TYPE, code);
    span.setStatus({ code: SpanStatusCode.ERROR, message: code });
  }
  span.end();
};
