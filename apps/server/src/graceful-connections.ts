import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long a connection that is idle at shutdown may still bring one last request. */
const IDLE_LINGER_MS = 1000;
const SWEEP_INTERVAL_MS = 50;
/** The listener closes once no connection has arrived for this long (see `close`). */
const LISTENER_QUIET_MS = 150;

type Tracked = { inFlight: Set<ServerResponse>; bytesReadWhenIdle: number; idleSince: number };

export type ConnectionsClose = {
  /** The longest the listener stays open after the signal while connections keep arriving. */
  readonly listenerMaxMs: number;
};

/**
 * Shutdown that loses no request a client already wrote to an open connection.
 *
 * Node's `server.close()` also destroys every idle keep-alive connection, and a request the client
 * wrote a moment before is lost with it (ECONNRESET). Here, at shutdown the listener stops taking
 * new connections; on each connection the answer to the last request received says
 * `Connection: close`, so each client stops reusing its connection after the requests it already
 * sent (pipelined ones included: closing after the first would drop the rest); and a connection
 * that is idle is closed only once it has stayed idle, with nothing arriving on it, for a moment.
 *
 * And the listener is not closed while connections are still arriving: the kernel completes a
 * connection's handshake before Node takes it from the listener's queue, and closing the listener
 * resets every connection waiting there (ECONNRESET, often with its request already written: a burst
 * just before the signal lost 7 of 102). So after the signal new connections are still taken, each
 * answered with `Connection: close`, until none has arrived for LISTENER_QUIET_MS (a load balancer
 * has stopped sending) or `listenerMaxMs` have passed; then the listener closes right after a turn of
 * the event loop took what was queued, and later connections are refused.
 */
export const trackConnections = (server: Server) => {
  const connections = new Map<Socket, Tracked>();
  let stopping = false;
  let lastArrival = 0;

  server.on('connection', (socket: Socket) => {
    lastArrival = Date.now();
    connections.set(socket, { inFlight: new Set(), bytesReadWhenIdle: 0, idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });

  /** Only the last answer on a connection closes it: the earlier ones still have requests after them. */
  const closeAfterLast = (tracked: Tracked) => {
    const responses = [...tracked.inFlight];
    for (const [index, response] of responses.entries()) {
      if (response.headersSent) continue;
      if (index === responses.length - 1) response.setHeader('Connection', 'close');
      else response.removeHeader('Connection');
    }
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const tracked = connections.get(request.socket);
    if (!tracked) {
      if (stopping) response.setHeader('Connection', 'close');
      return;
    }
    tracked.inFlight.add(response);
    if (stopping) closeAfterLast(tracked);
    response.once('close', () => {
      tracked.inFlight.delete(response);
      tracked.bytesReadWhenIdle = request.socket.bytesRead;
      tracked.idleSince = Date.now();
    });
  });

  const isQuiet = (socket: Socket, tracked: Tracked, now: number) =>
    tracked.inFlight.size === 0 && socket.bytesRead === tracked.bytesReadWhenIdle && now - tracked.idleSince >= IDLE_LINGER_MS;

  /**
   * Resolves once no connection has arrived for LISTENER_QUIET_MS, or `maxMs` have passed. Decided
   * right after a poll phase (setImmediate runs after it), and only if that poll took no connection:
   * on a busy process the timer can run late, after connections queued in the kernel that the
   * coming poll would take, and closing then would reset them.
   */
  const arrivalsStopped = (maxMs: number): Promise<void> =>
    new Promise((resolve) => {
      const until = Date.now() + maxMs;
      let confirming = false;
      const quiet = () => Date.now() - lastArrival >= LISTENER_QUIET_MS || Date.now() >= until;
      const check = setInterval(() => {
        if (confirming || !quiet()) return;
        confirming = true;
        setImmediate(() => {
          confirming = false;
          if (!quiet()) return;
          clearInterval(check);
          resolve();
        });
      }, SWEEP_INTERVAL_MS / 2);
    });

  /** Stops accepting connections (once they stop arriving) and resolves once every open one has ended. */
  const close = (options: ConnectionsClose): Promise<void> =>
    new Promise((resolve) => {
      stopping = true;
      const now = Date.now();
      for (const tracked of connections.values()) {
        closeAfterLast(tracked);
        // The linger starts now for connections that were already idle.
        tracked.idleSince = now;
      }
      const sweep = setInterval(() => {
        const at = Date.now();
        for (const [socket, tracked] of connections) {
          if (tracked.inFlight.size === 0 && socket.bytesRead !== tracked.bytesReadWhenIdle) {
            // Bytes arrived: a request is on its way; it will be answered with Connection: close.
            tracked.bytesReadWhenIdle = socket.bytesRead;
            tracked.idleSince = at;
          } else if (isQuiet(socket, tracked, at)) {
            socket.end();
          }
        }
      }, SWEEP_INTERVAL_MS);
      void arrivalsStopped(options.listenerMaxMs).then(() =>
        // net.Server's close, not http.Server's: the latter would destroy idle connections at once.
        NetServer.prototype.close.call(server, () => {
          clearInterval(sweep);
          resolve();
        }),
      );
    });

  return { close };
};
