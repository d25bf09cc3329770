import { createServer } from 'node:net';

/**
 * A port nothing listens on right now, for a test that must know its server's port before it starts
 * (an agent's URL kept across a restart, a port a container maps). Port 0 is better wherever the
 * server can say which port it took.
 */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
