import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that the test can cut and restore, as a network outage would,
 * or freeze and thaw, as `kill -STOP` on the database would: connections stay open and are even
 * accepted, and nothing comes back until the thaw, when what was held goes on in order.
 */
export const outageProxy = async (target: URL) => {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let frozen = false;
  const held: (() => void)[] = [];
  /** Freezes when one connection has sent these, in order; the chunk with the last one is held. */
  let trigger: readonly RegExp[] = [];
  const progress = new WeakMap<Socket, number>();
  const triggered = (from: Socket, chunk: Buffer): boolean => {
    if (trigger.length === 0) return false;
    const text = chunk.toString('latin1');
    let step = progress.get(from) ?? 0;
    while (step < trigger.length && trigger[step]?.test(text)) step++;
    progress.set(from, step);
    if (step < trigger.length) return false;
    trigger = [];
    return true;
  };
  /** Forwards what `from` sends to `to`, holding it while frozen. */
  const forward = (from: Socket, to: Socket, fromClient: boolean) =>
    from.on('data', (chunk: Buffer) => {
      if (fromClient && triggered(from, chunk)) frozen = true;
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        sockets.add(client).add(upstream);
        forward(client, upstream, true);
        forward(upstream, client, false);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      }).listen(port, '127.0.0.1', () => {
        const address = server?.address();
        if (address == null || typeof address === 'string') throw new Error('the proxy has no TCP address');
        port = address.port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      server?.close(() => resolve());
    });
  const freeze = () => {
    frozen = true;
  };
  /**
   * Freezes the moment one connection has sent messages matching each of `steps` in order (in the
   * protocol's bytes: a statement's text, `commit`), holding the one that matched the last: the
   * database then never saw it, and the application waits for its answer.
   */
  const freezeAt = (...steps: RegExp[]) => {
    trigger = steps;
  };
  const isFrozen = () => frozen;
  const thaw = () => {
    frozen = false;
    for (const send of held.splice(0)) send();
  };
  await open();
  /** `url` with its host and port replaced by the proxy's. */
  const via = (url: string) => {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(port);
    return proxied.toString();
  };
  return { port: () => port, via, cut, restore: open, freeze, freezeAt, isFrozen, thaw };
};
