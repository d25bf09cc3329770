import fc from 'fast-check';
import { oddAuthorization, oddContentType, oddQueryValue, oddRawBody, oddSegment, oddValue, PROTOTYPE_KEYS } from './odd-values.js';

/** The parts of the committed OpenAPI document the generator reads. */
type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; $ref?: string; example?: unknown };
type Operation = {
  operationId: string;
  'x-auth-mode'?: 'none' | 'optional' | 'required';
  parameters?: { name: string; in: 'path' | 'query' }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
};
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

export type FuzzRequest = {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array<ArrayBuffer>;
  /** Statuses the document allows for this request. */
  readonly allowed: ReadonlySet<number>;
  /** What was done to the request, for the failure report. */
  readonly mutation: string;
};

/**
 * What the generator may use as valid values: an existing user's token, slug, comment id; and
 * another user's token for the operations that end the caller's session or account, so that the
 * first such request does not leave every later one a 401.
 */
export type FuzzFixtures = {
  readonly token: string;
  readonly expendableToken: string;
  readonly username: string;
  readonly slug: string;
  readonly commentId: string;
};

const ENDS_THE_CALLERS_SESSION = new Set(['Logout', 'DeleteSession', 'DeleteCurrentUser']);
/** The token an operation's requests are sent with, in whatever form a mutation gives it. */
const tokenFor = (operation: Operation, fixtures: FuzzFixtures) =>
  ENDS_THE_CALLERS_SESSION.has(operation.operationId) ? fixtures.expendableToken : fixtures.token;

const resolve = (document: OpenApiDocument, schema: Schema): Schema =>
  schema.$ref ? (document.components.schemas[schema.$ref.split('/').pop() as string] as Schema) : schema;

/** A plausible body for a schema: the document's examples, else small values of the right type. */
const sampleOf = (document: OpenApiDocument, raw: Schema): unknown => {
  const schema = resolve(document, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.type === 'object' || schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleOf(document, value)]));
  }
  if (schema.type === 'array') return [sampleOf(document, schema.items ?? {})];
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  return 'text';
};

/** The paths to every value inside a JSON object, for picking one to change. */
const pathsIn = (value: unknown, prefix: string[] = []): string[][] =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? [prefix, ...Object.entries(value).flatMap(([key, inner]) => pathsIn(inner, [...prefix, key]))]
    : [prefix];

const setAt = (target: unknown, path: string[], value: unknown, mode: 'set' | 'delete'): unknown => {
  if (path.length === 0) return mode === 'set' ? value : undefined;
  const copy = { ...(target as Record<string, unknown>) };
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    if (mode === 'delete') delete copy[head];
    else Object.defineProperty(copy, head, { value, enumerable: true, configurable: true, writable: true });
  } else {
    copy[head] = setAt(copy[head], rest, value, mode);
  }
  return copy;
};

type Mutation = { kind: string; apply: (request: Draft) => Draft };
type Draft = {
  path: string;
  query: string[];
  headers: Record<string, string>;
  body?: unknown;
  rawBody?: string | Uint8Array<ArrayBuffer>;
  pathMutated: boolean;
};

/** Every way the generator spoils a request for one operation. */
const mutationsFor = (document: OpenApiDocument, operation: Operation, fixtures: FuzzFixtures): fc.Arbitrary<Mutation>[] => {
  const mutations: fc.Arbitrary<Mutation>[] = [];
  const params = operation.parameters ?? [];
  const pathParams = params.filter((param) => param.in === 'path').map((param) => param.name);
  const queryParams = params.filter((param) => param.in === 'query').map((param) => param.name);
  const bodySchema = operation.requestBody?.content['application/json']?.schema;

  if (bodySchema) {
    const sample = sampleOf(document, bodySchema);
    const fieldPaths = pathsIn(sample);
    mutations.push(
      fc.tuple(fc.constantFrom(...fieldPaths), oddValue).map(([path, value]) => ({
        kind: `body ${path.join('.') || '(root)'} = ${JSON.stringify(value)?.slice(0, 60)}`,
        apply: (draft) => ({ ...draft, body: setAt(draft.body, path, value, 'set') }),
      })),
      fc.constantFrom(...fieldPaths.filter((path) => path.length > 0)).map((path) => ({
        kind: `body without ${path.join('.')}`,
        apply: (draft) => ({ ...draft, body: setAt(draft.body, path, undefined, 'delete') }),
      })),
      fc
        .tuple(fc.constantFrom(...fieldPaths), fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 })), oddValue)
        .map(([path, key, value]) => ({
          kind: `body extra key ${[...path, key].join('.')}`,
          apply: (draft) => ({ ...draft, body: setAt(draft.body, [...path, key], value, 'set') }),
        })),
      oddRawBody.map((raw) => ({
        kind: `raw body ${typeof raw === 'string' ? JSON.stringify(raw.slice(0, 40)) : `bytes(${raw.length})`}`,
        apply: (draft) => ({ ...draft, body: undefined, rawBody: raw }),
      })),
      oddContentType.map((type) => ({
        kind: `content type ${JSON.stringify(type)}`,
        apply: (draft) => ({ ...draft, headers: { ...draft.headers, 'Content-Type': type } }),
      })),
    );
  }
  if (pathParams.length > 0) {
    mutations.push(
      fc.tuple(fc.constantFrom(...pathParams), oddSegment).map(([name, segment]) => ({
        kind: `path ${name} = ${segment.slice(0, 60)}`,
        apply: (draft) => ({ ...draft, path: draft.path.replace(`{${name}}`, segment), pathMutated: true }),
      })),
    );
  }
  const queryKeys = [...queryParams, ...PROTOTYPE_KEYS, 'unknown'];
  mutations.push(
    fc.array(fc.tuple(fc.constantFrom(...queryKeys), oddQueryValue), { minLength: 1, maxLength: 3 }).map((pairs) => ({
      kind: `query ${pairs.map(([key, value]) => `${key}=${value.slice(0, 30)}`).join('&')}`,
      apply: (draft) => ({ ...draft, query: [...draft.query, ...pairs.map(([key, value]) => `${encodeURIComponent(key)}=${value}`)] }),
    })),
    oddAuthorization(tokenFor(operation, fixtures)).map((header) => ({
      kind: `authorization ${header.slice(0, 40)}`,
      apply: (draft) => ({ ...draft, headers: { ...draft.headers, Authorization: header } }),
    })),
  );
  return mutations;
};

/** Bad requests for every operation of the document, each with the statuses it may be answered with. */
export const fuzzRequests = (document: OpenApiDocument, fixtures: FuzzFixtures): fc.Arbitrary<FuzzRequest> => {
  const perOperation = Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        const bodySchema = operation.requestBody?.content['application/json']?.schema;
        const token = tokenFor(operation, fixtures);
        const start: Draft = {
          path,
          query: [],
          headers: { Authorization: `Token ${token}`, ...(bodySchema ? { 'Content-Type': 'application/json' } : {}) },
          body: bodySchema ? sampleOf(document, bodySchema) : undefined,
          pathMutated: false,
        };
        return fc
          .array(fc.oneof(...mutationsFor(document, operation, fixtures)), { minLength: 1, maxLength: 3 })
          .map((mutations): FuzzRequest => {
            const draft = mutations.reduce((current, mutation) => mutation.apply(current), start);
            const filled = draft.path
              .replace('{username}', fixtures.username)
              .replace('{slug}', fixtures.slug)
              .replace('{id}', fixtures.commentId);
            const documented = Object.keys(operation.responses).map(Number);
            // A spoiled path segment may leave no operation at that path at all.
            const allowed = new Set([...documented, ...(draft.pathMutated ? [404, 405] : [])]);
            const body = draft.rawBody ?? (draft.body === undefined ? undefined : JSON.stringify(draft.body));
            return {
              operationId: operation.operationId,
              method: method.toUpperCase(),
              path: `${filled}${draft.query.length > 0 ? `?${draft.query.join('&')}` : ''}`,
              headers: draft.headers,
              ...(bodySchema && body !== undefined ? { body } : {}),
              allowed,
              mutation: mutations.map((mutation) => mutation.kind).join('; '),
            };
          });
      }),
    );
  return fc.oneof(...perOperation);
};
