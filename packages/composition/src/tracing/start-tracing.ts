import { DiagLogLevel, diag, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AlwaysOffSampler, TracerProvider } from '@opentelemetry/sdk-trace';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** This process's tracing: whether spans are exported, and the flush of those not yet sent. */
export type Tracing = { readonly exporting: boolean; readonly shutdown: () => Promise<void> };

let started: Promise<Tracing> | undefined;

/** How long a stop waits for the last spans to be sent. */
const SHUTDOWN_FLUSH_MS = 2_000;

/**
 * Starts OpenTelemetry once per process. With an OTLP endpoint (and OTEL_SDK_DISABLED unset), the
 * SDK for Node exports spans as its standard variables say (sampler, resource, protocol, batching),
 * with W3C trace context and baggage; its metrics and logs are not started (Prometheus and pino
 * serve those). Without one, nothing is recorded or sent, but the same propagator continues a
 * caller's `traceparent` and each request still gets ids of its own, for its log lines; no context
 * manager runs (nothing needs a span's context), and the SDK for Node (its exporters and their
 * dependencies) is not even loaded.
 */
export const startTracing = (settings: TracingSettings, serviceName: string, logger?: Logger): Promise<Tracing> => {
  started ??= start(settings, serviceName, logger);
  return started;
};

type TracingSettings = Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' | 'OTEL_SDK_DISABLED'>;

/** The SDK's own complaints (an export refused, a collector away) as log lines, warnings and worse. */
const diagnosticsTo = (logger: Logger) => {
  const to =
    (level: 'error' | 'warn' | 'debug') =>
    (message: string, ...details: unknown[]) =>
      logger[level]({ component: 'tracing', ...(details.length > 0 ? { details: details.map(String) } : {}) }, message);
  diag.setLogger(
    { error: to('error'), warn: to('warn'), info: to('debug'), debug: to('debug'), verbose: to('debug') },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
};

const start = async (config: TracingSettings, serviceName: string, logger: Logger | undefined): Promise<Tracing> => {
  const endpoint = config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? config.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (endpoint !== undefined && !config.OTEL_SDK_DISABLED) {
    const named = process.env.OTEL_SERVICE_NAME !== undefined || /(^|,)\s*service\.name=/.test(process.env.OTEL_RESOURCE_ATTRIBUTES ?? '');
    const { startNodeSdk } = await import('@opentelemetry/sdk-node');
    const sdk = startNodeSdk({
      metricReaders: [],
      logRecordProcessors: [],
      ...(named ? {} : { resourceAttributes: { 'service.name': serviceName } }),
    });
    if (logger) diagnosticsTo(logger);
    // A collector that is away must not hold the process past its grace period: what is not sent
    // within a couple of seconds is dropped, as the exporter drops it when its queue is full.
    const shutdown = () => Promise.race([sdk.shutdown(), new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_FLUSH_MS).unref())]);
    return { exporting: true, shutdown };
  }
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(new TracerProvider({ sampler: new AlwaysOffSampler() }));
  return { exporting: false, shutdown: async () => undefined };
};
