import { createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lingerWhenClosing, NODE_VERSION_WRITTEN_FOR } from './lingering-close.js';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/**
 * lingering-close.ts wraps net.Socket's undocumented `destroySoon`, which Node's HTTP server calls to
 * close a connection after its last answer. Should an upgrade stop calling it, the wrap would
 * silently do nothing and uploads answered early would be reset again: this fails first.
 */
describe('the Node internal lingering-close.ts is written against', () => {
  it(`is called by Node's HTTP server to close a Connection: close socket (written for Node ${NODE_VERSION_WRITTEN_FOR})`, async () => {
    const server = createServer((_request, response) => response.writeHead(413, { Connection: 'close' }).end('too large'));
    servers.push(server);
    lingerWhenClosing(server);
    let calls = 0;
    server.on('connection', (socket: Socket & { destroySoon?: () => void }) => {
      const wrapped = socket.destroySoon;
      expect(typeof wrapped, `net.Socket#destroySoon is gone in Node ${process.versions.node}: see lingering-close.ts`).toBe('function');
      socket.destroySoon = () => {
        calls++;
        wrapped?.call(socket);
      };
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const sent = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'Content-Length': '5' } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      });
      sent.on('error', reject);
      sent.end('hello');
    });
    expect(status).toBe(413);
    await expect
      .poll(() => calls, {
        timeout: 30_000,
        message: `Node ${process.versions.node} no longer closes through socket.destroySoon: see lingering-close.ts`,
      })
      .toBeGreaterThan(0);
  });
});
