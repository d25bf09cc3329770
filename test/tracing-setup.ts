import { startTracing } from '@conduit/composition';

// As every process composition starts: OpenTelemetry's propagator and (not exporting) tracer, so a request's span has ids of its own for its log lines.
await startTracing({ OTEL_SDK_DISABLED: true }, 'conduit-test');
