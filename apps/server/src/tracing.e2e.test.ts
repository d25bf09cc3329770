import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './testing/free-port.js';
import { type ReceivedSpan, startOtlpReceiver } from './testing/otlp-receiver.js';
import { type ServerOnTestDatabase, spawnServerOnTestDatabase } from './testing/spawn-server.js';

const SERVER = 2;
const CONSUMER = 5;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Polls until `check` holds; a ceiling that only catches a hang. */
const eventually = async <T>(what: string, check: () => T | undefined): Promise<T> => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('OpenTelemetry traces, exported to an OTLP/HTTP receiver', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let running: ServerOnTestDatabase;
  const username = `tracer${hex(3)}`;
  const email = `${username}@example.com`;
  const password = `secret-${hex(6)}`;
  let token = '';
  const inTrace = (traceId: string) => receiver.spans.filter((span) => span.traceId === traceId);
  const serverSpanOf = (traceId: string) => inTrace(traceId).find((span) => span.kind === SERVER);
  const call = (path: string, init: RequestInit & { trace: string }) =>
    fetch(`${running.server.baseUrl}${path}`, {
      ...init,
      headers: { traceparent: `00-${init.trace}-${hex(8)}-01`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    running = await spawnServerOnTestDatabase({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: 'conduit-e2e',
      JOB_WORKERS: '1',
      // The rate limits counted in Redis: their calls are spans too.
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });
  afterAll(async () => {
    await running?.stop();
    await receiver?.close();
  });

  it('continues the caller trace: the request, its use case and its statements, with no personal data', async () => {
    const trace = hex(16);
    const signedUp = await call('/api/users', { method: 'POST', trace, body: JSON.stringify({ user: { username, email, password } }) });
    expect(signedUp.status).toBe(201);
    token = ((await signedUp.json()) as { user: { token: string } }).user.token;
    const server = await eventually('the sign-up span', () => serverSpanOf(trace));
    expect(server).toMatchObject({
      name: 'POST /api/users',
      service: 'conduit-e2e',
      attributes: {
        'http.request.method': 'POST',
        'http.route': '/api/users',
        'http.response.status_code': 201,
        'conduit.tenant': 'default',
      },
    });
    const useCase = await eventually('the use case span', () => inTrace(trace).find((span) => span.name === 'registerUser'));
    expect(useCase.parentSpanId).toBe(server.spanId);
    const limits = inTrace(trace).filter((span) => span.attributes['db.system.name'] === 'redis');
    expect(limits.map((span) => span.name)).toContain('consume conduit:rl:sign-up');
    for (const span of limits)
      expect(span).toMatchObject({ parentSpanId: server.spanId, attributes: { 'conduit.rate_limit.allowed': true } });
    const statements = await eventually('statement spans', () => {
      const found = inTrace(trace).filter((span) => span.attributes['db.system.name'] === 'postgresql');
      return found.some((span) => span.name === 'INSERT users') ? found : undefined;
    });
    const ids = new Set(inTrace(trace).map((span) => span.spanId));
    for (const statement of statements) expect(ids.has(statement.parentSpanId), statement.name).toBe(true);
  });

  it('records a refusal with its problem code, and an MCP call under its tool', async () => {
    const missing = hex(16);
    expect((await call('/api/articles/no-such-article', { method: 'GET', trace: missing })).status).toBe(404);
    expect(await eventually('the 404 span', () => serverSpanOf(missing))).toMatchObject({
      name: 'GET /api/articles/:slug',
      attributes: { 'error.type': 'ARTICLE_NOT_FOUND', 'http.response.status_code': 404 },
    });
    const mcp = hex(16);
    const answered = await call('/mcp', {
      method: 'POST',
      trace: mcp,
      headers: { Accept: 'application/json, text/event-stream', Authorization: `Token ${token}` },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_tags', arguments: {} } }),
    });
    expect(answered.status).toBe(200);
    await answered.text();
    const span = await eventually('the MCP span', () => serverSpanOf(mcp));
    expect(span.name).toContain('list_tags');
    expect(span.attributes['user.id']).toMatch(/^\d+$/);
    expect(inTrace(mcp).some((one) => one.name === 'listTags')).toBe(true);
  });

  it('links the 202 of an import to the worker run that applies it, in one trace', async () => {
    const trace = hex(16);
    const lines = Array.from({ length: 30 }, (_, index) =>
      JSON.stringify({ article: { title: `Traced ${index}`, description: 'd', body: 'b' } }),
    );
    const submitted = await call('/api/articles/imports', {
      method: 'POST',
      trace,
      headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Token ${token}` },
      body: lines.join('\n'),
    });
    expect(submitted.status).toBe(202);
    const run = await eventually('the job run span', () => inTrace(trace).find((span) => span.kind === CONSUMER));
    // pg-boss's own span of the job's turn, under the trace that queued it; ours describe it.
    expect(run).toMatchObject({
      name: 'process article-import',
      attributes: { 'messaging.system': 'pg-boss', 'conduit.job.outcome': 'finished' },
    });
    const queued = inTrace(trace).find((span) => span.spanId === run.parentSpanId) as ReceivedSpan;
    expect(queued?.name).toBe('send article-import');
    expect(inTrace(trace).find((span) => span.spanId === queued.parentSpanId)?.name).toBe('submitArticleImport');
    // Queued by pg-boss's send, within the use case that accepted the upload; the batches' statements beneath the run.
    const beneath = (span: ReceivedSpan): boolean =>
      span.parentSpanId === run.spanId || inTrace(trace).some((parent) => parent.spanId === span.parentSpanId && beneath(parent));
    await eventually('the run statements', () => inTrace(trace).find((span) => span.name === 'INSERT articles' && beneath(span)));
    expect(inTrace(trace).some((span) => span.name === 'runJob' && span.parentSpanId === run.spanId)).toBe(true);
    // Each committed batch, with the items it refused (the blank title, item 31).
    expect(run.events.map((event) => event.name)).toContain('batch committed');
    // The worker's log lines of the run carry its trace.
    await eventually('the run log line', () =>
      running.server.logs.find((line) => line.includes('job run ended') && line.includes(`"traceId":"${trace}"`)),
    );
  });

  it('puts no password, token or email in any attribute', () => {
    expect(receiver.spans.length).toBeGreaterThan(20);
    const secrets = [password, token, email, token.split('.')[2] as string];
    for (const span of receiver.spans)
      for (const [key, value] of Object.entries(span.attributes))
        for (const secret of secrets) expect(String(value).includes(secret), `${span.name} ${key}`).toBe(false);
    // Only traces: the SDK's metrics and logs are not started.
    expect(new Set(receiver.requests.map((request) => request.path))).toEqual(new Set(['/v1/traces']));
  });
});

describe('with the SDK disabled', () => {
  it('sends nothing, even with an endpoint set', async () => {
    const receiver = await startOtlpReceiver();
    const running = await spawnServerOnTestDatabase({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SDK_DISABLED: 'true' });
    try {
      for (let index = 0; index < 20; index++) expect((await fetch(`${running.server.baseUrl}/api/tags`)).status).toBe(200);
      // A stop flushes what is batched: had anything been recorded, it would be sent now.
      expect(await running.server.stop('SIGTERM')).toBe(0);
      expect(receiver.requests).toEqual([]);
    } finally {
      await running.stop();
      await receiver.close();
    }
  });
});

describe('with the collector away', () => {
  it('serves as usual and still stops cleanly: the last spans are given up, not waited for past the grace', async () => {
    const port = await freePort();
    const running = await spawnServerOnTestDatabase({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    try {
      for (let index = 0; index < 5; index++) expect((await fetch(`${running.server.baseUrl}/api/tags`)).status).toBe(200);
      expect(await running.server.stop('SIGTERM')).toBe(0);
      expect(running.server.logs.at(-1)).toContain('"msg":"stopped"');
    } finally {
      await running.stop();
    }
  });
});
