import { type Context as OtelContext, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { operationRoute } from '../middleware/operation-route.js';

const tracer = trace.getTracer('conduit-http');

const headerGetter = {
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
  keys: (headers: Headers) => [...headers.keys()],
};

/**
 * The request's server span, under the caller's trace where its `traceparent` (and `baggage`) are
 * valid: the propagators are the SDK's (W3C trace context and baggage). With tracing off it records
 * nothing but still has ids of its own, which the log lines carry.
 */
export const startServerSpan = (c: Context<AppEnv>, route: string): { span: Span; context: OtelContext } => {
  const parent = propagation.extract(ROOT_CONTEXT, c.req.raw.headers, headerGetter);
  const span = tracer.startSpan(
    `${c.req.method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: c.req.method, [ATTR_HTTP_ROUTE]: route, [ATTR_URL_PATH]: c.req.path },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
};

/**
 * Ends the span with what the request came to: the status, the operation (an MCP call names its
 * tool), the publication, the signed-in user's id and the request id. A problem's code is the
 * span's `error.type`; an answer of 500 or more marks the span as an error. No query string, body,
 * email or token is recorded.
 */
export const endServerSpan = (span: Span, c: Context<AppEnv>): void => {
  if (span.isRecording()) {
    const route = operationRoute(c);
    const actor = c.get('actor');
    const code = c.get('problemCode');
    const status = c.res.status;
    span.updateName(`${c.req.method} ${route}`);
    span.setAttributes({
      [ATTR_HTTP_ROUTE]: route,
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: status,
      'conduit.request_id': c.get('requestId'),
      ...(c.get('tenant') ? { 'conduit.tenant': c.get('tenant').slug } : {}),
      ...(actor?.kind === 'user' ? { 'user.id': String(actor.userId) } : {}),
      ...(code === undefined ? {} : { [ATTR_ERROR_TYPE]: code }),
    });
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, ...(code === undefined ? {} : { message: code }) });
  }
  span.end();
};
