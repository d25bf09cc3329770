import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_DB_OPERATION_NAME, ATTR_DB_SYSTEM_NAME, ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { RateLimiterRes } from 'rate-limiter-flexible';

const tracer = trace.getTracer('conduit-rate-limit');

/**
 * A call to the shared counting store (Redis) as a client span of the request, only where the
 * request's own span is recorded: `consume conduit:rl:anonymous`, with whether it was allowed. The
 * key (an address, a user id) is not recorded. A refusal is an answer, not an error; a store that
 * fails is (the limiter then counts in this process).
 */
export const inStoreSpan = async <T>(operation: string, budget: string, call: () => Promise<T>): Promise<T> => {
  if (!trace.getActiveSpan()?.isRecording()) return call();
  const span = tracer.startSpan(`${operation} conduit:rl:${budget}`, {
    kind: SpanKind.CLIENT,
    attributes: { [ATTR_DB_SYSTEM_NAME]: 'redis', [ATTR_DB_OPERATION_NAME]: operation, 'conduit.rate_limit.budget': budget },
  });
  try {
    const result = await call();
    if (operation === 'consume') span.setAttribute('conduit.rate_limit.allowed', true);
    return result;
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) span.setAttribute('conduit.rate_limit.allowed', false);
    else {
      span.setAttribute(ATTR_ERROR_TYPE, outcome instanceof Error ? outcome.name : 'error');
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    throw outcome;
  } finally {
    span.end();
  }
};
