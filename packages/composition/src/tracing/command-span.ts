import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';

const tracer = trace.getTracer('conduit-cli');

/** A CLI command's door: the root span of what it does (`conduit users lock`), its use cases and statements beneath. */
export const inCommandSpan = async <T>(command: string, work: () => Promise<T>): Promise<T> => {
  const span = tracer.startSpan(command, { attributes: { 'conduit.command': command } });
  try {
    return await context.with(trace.setSpan(context.active(), span), work);
  } catch (error) {
    span.setAttribute(ATTR_ERROR_TYPE, error instanceof Error ? error.name : 'error');
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
};
