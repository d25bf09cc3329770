import { propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AlwaysOffSampler, TracerProvider } from '@opentelemetry/sdk-trace';
import type { Config } from '../config.js';

/** This process's tracing: whether spans are exported, and the flush of those not yet sent. */
export type Tracing = { readonly exporting: boolean; readonly shutdown: () => Promise<void> };

let started: Promise<Tracing> | undefined;

/**
 * Starts OpenTelemetry once per process. With an OTLP endpoint (and OTEL_SDK_DISABLED unset), the
 * SDK for Node exports spans as its standard variables say (sampler, resource, protocol, batching),
 * with W3C trace context and baggage; its metrics and logs are not started (Prometheus and pino
 * serve those). Without one, nothing is recorded or sent, but the same propagator continues a
 * caller's `traceparent` and each request still gets ids of its own, for its log lines; no context
 * manager runs (nothing needs a span's context), and the SDK for Node (its exporters and their
 * dependencies) is not even loaded.
 */
export const startTracing = (
  config: Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' | 'OTEL_SDK_DISABLED'>,
  serviceName: string,
): Promise<Tracing> => {
  started ??= start(config, serviceName);
  return started;
};

const start = async (
  config: Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' | 'OTEL_SDK_DISABLED'>,
  serviceName: string,
): Promise<Tracing> => {
  const endpoint = config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? config.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (endpoint !== undefined && !config.OTEL_SDK_DISABLED) {
    const named = process.env.OTEL_SERVICE_NAME !== undefined || /(^|,)\s*service\.name=/.test(process.env.OTEL_RESOURCE_ATTRIBUTES ?? '');
    const { startNodeSdk } = await import('@opentelemetry/sdk-node');
    const sdk = startNodeSdk({
      metricReaders: [],
      logRecordProcessors: [],
      ...(named ? {} : { resourceAttributes: { 'service.name': serviceName } }),
    });
    return { exporting: true, shutdown: () => sdk.shutdown() };
  }
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(new TracerProvider({ sampler: new AlwaysOffSampler() }));
  return { exporting: false, shutdown: async () => undefined };
};
