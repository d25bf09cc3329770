import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';

export type FieldErrors = Record<string, string[]>;

/** Everything about a failure except what the request adds (instance, request id). */
export type ProblemSpec = {
  readonly status: ContentfulStatusCode;
  /** Stable, documented, never reused: clients may switch on it. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  /** RealWorld's field map: every client shows these words, so every problem has them. */
  readonly errors: FieldErrors;
  readonly headers?: Record<string, string>;
};

/** RFC 9457 problem details, with the extensions every Conduit error carries. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors: FieldErrors;
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
/** Every JSON answer's media type, charset included (Hono's default omits it). */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * RealWorld clients expect `application/json` error bodies; RFC 9457 clients say they want
 * `application/problem+json`. The body is the same either way.
 */
export const problemContentType = (accept: string | undefined): string =>
  accept !== undefined && /application\/problem\+json/i.test(accept) ? PROBLEM_CONTENT_TYPE : JSON_CONTENT_TYPE;

export const problemTypeUri = (code: string): string => `https://conduit.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`;

export const toProblem = (spec: Omit<ProblemSpec, 'headers'>, instance: string, requestId: string): Problem => ({
  type: problemTypeUri(spec.code),
  title: spec.title,
  status: spec.status,
  detail: spec.detail,
  instance,
  code: spec.code,
  requestId,
  errors: spec.errors,
});

/** A problem answer as the type system sees it: any status, so it sits beside typed successes. */
export type ProblemAnswer = Response & TypedResponse<JSONParsed<Problem>, never, 'json'>;

/**
 * Answers with a problem document. Typed as a response of any status, so route handlers can return
 * it next to their typed success responses; tests check each status is declared in the document.
 */
export const problemResponse = (c: Context, spec: ProblemSpec): ProblemAnswer => {
  // The access line names the problem, so a refusal needs no line of its own.
  c.set('problemCode', spec.code);
  return c.json(toProblem(spec, c.req.path, c.get('requestId') ?? 'unknown'), spec.status as never, {
    'Content-Type': problemContentType(c.req.header('Accept')),
    ...(c.get('serverTiming') ? { 'Server-Timing': c.get('serverTiming')() } : {}),
    ...spec.headers,
  });
};
