import type { UseCases } from '@conduit/app';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';

const tracer = trace.getTracer('conduit-app');

/** What a use case settles with: a Result (whose failure has a `type`), or a plain value. */
type Settled = { isErr?: () => boolean; error?: { type?: string } } | null | undefined;

/**
 * The use cases, each call a span (`createArticle`) under the driver's (an HTTP request, an MCP
 * call, a CLI command, a job run), its statements beneath it. An expected failure is the span's
 * `error.type` (`ArticleNotFound`); a throw marks it as an error. Each use case returns what it
 * returned before, untouched: only where spans are exported is this wrapper put on at all.
 */
export const tracedUseCases = (useCases: UseCases): UseCases =>
  Object.fromEntries(
    Object.entries(useCases).map(([name, useCase]) => [
      name,
      (...args: unknown[]) => {
        const span = tracer.startSpan(name, { attributes: { 'conduit.use_case': name } });
        const returned = context.with(trace.setSpan(context.active(), span), () => (useCase as (...a: unknown[]) => unknown)(...args));
        Promise.resolve(returned as Settled).then(
          (result: Settled) => {
            if (typeof result?.isErr === 'function' && result.isErr()) span.setAttribute(ATTR_ERROR_TYPE, result.error?.type ?? 'error');
            span.end();
          },
          (error: unknown) => {
            span.setAttribute(ATTR_ERROR_TYPE, error instanceof Error ? error.name : 'error');
            span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
          },
        );
        return returned;
      },
    ]),
  ) as UseCases;
