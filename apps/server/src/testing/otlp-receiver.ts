import { once } from 'node:events';
import { createServer } from 'node:http';

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };

/** A span as an OTLP/JSON export carries it, its attributes as plain values. */
export type ReceivedSpan = {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  readonly status: { readonly code?: number; readonly message?: string };
  readonly events: readonly { readonly name: string }[];
  readonly service: string;
};

type Export = {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: AnyValue }[] };
    scopeSpans?: {
      spans?: (Omit<ReceivedSpan, 'attributes' | 'service'> & { attributes?: { key: string; value: AnyValue }[] })[];
    }[];
  }[];
};

const plain = (value: AnyValue): string | number | boolean =>
  value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue)) ?? value.boolValue ?? value.doubleValue ?? '';
const attributesOf = (list: { key: string; value: AnyValue }[] = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, plain(value)]));

/**
 * An OTLP/HTTP receiver, as a collector is one: it takes what the exporter really sends to
 * `/v1/traces` (OTLP/JSON, OTEL_EXPORTER_OTLP_PROTOCOL=http/json) and keeps the spans; any other
 * path or body is counted, so a test sees whatever else arrived.
 */
export const startOtlpReceiver = async () => {
  const spans: ReceivedSpan[] = [];
  const requests: { path: string; contentType: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', contentType: request.headers['content-type'] ?? '' });
      if (request.url === '/v1/traces' && request.headers['content-type']?.startsWith('application/json')) {
        const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Export;
        for (const resourceSpans of exported.resourceSpans ?? []) {
          const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '');
          for (const scope of resourceSpans.scopeSpans ?? [])
            for (const span of scope.spans ?? [])
              spans.push({ ...span, attributes: attributesOf(span.attributes), events: span.events ?? [], service });
        }
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { endpoint: `http://127.0.0.1:${port}`, spans, requests, close: () => new Promise((resolve) => server.close(resolve)) };
};
