import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createLogger, parseConfig } from '@conduit/composition';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from './http-server.js';

describe('startHttpServer', () => {
  it('sets every Node server timeout from configuration', async () => {
    const parsed = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HTTP_HEADERS_TIMEOUT_MS: '7000',
      HTTP_REQUEST_TIMEOUT_MS: '8000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '6000',
      HTTP_MAX_HEADER_BYTES: '4096',
    });
    if (!parsed.ok) throw new Error(parsed.message);
    const app = { fetch: () => new Response('ok') } as never;
    const server = startHttpServer(app, parsed.config, createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: false }), () => undefined);
    await once(server, 'listening');
    expect(server.headersTimeout).toBe(7000);
    expect(server.requestTimeout).toBe(8000);
    expect(server.keepAliveTimeout).toBe(6000);
    expect((server as unknown as { maxHeaderSize: number }).maxHeaderSize).toBe(4096);
    expect((server.address() as AddressInfo).port).toBeGreaterThan(0);
    server.close();
  });

  it("refuses a headers timeout longer than the request timeout (Node's rule)", () => {
    const parsed = parseConfig({ HTTP_HEADERS_TIMEOUT_MS: '9000', HTTP_REQUEST_TIMEOUT_MS: '5000' });
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining('HTTP_HEADERS_TIMEOUT_MS') });
  });
});
