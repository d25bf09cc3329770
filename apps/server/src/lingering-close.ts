import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** How long a closing connection keeps reading what the client still sends, once its answer is out. */
const LINGER_MS = 2_000;

/**
 * Lingering close, as nginx and Apache do it. Closed with bytes still arriving, a connection is
 * reset by the kernel, and the client sees the reset (EPIPE, ECONNRESET) instead of the answer it
 * was sent a moment before. So only the sending side is ended (after `last`, when given); what the
 * client still sends is read and dropped, and the socket is destroyed when the client closes its
 * side, or LINGER_MS after the answer went out.
 */
export const closeLingering = (socket: Duplex, last?: string): void => {
  socket.on('data', () => undefined);
  socket.resume();
  socket.once('end', () => (socket.writableFinished ? socket.destroy() : socket.once('finish', () => socket.destroy())));
  const linger = () => {
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
  socket.once('finish', linger);
  socket.end(last);
};

/*
 * A reach into Node's internals, written for Node 24.21.0 (the version the repository carries). Node's
 * HTTP server closes a `Connection: close` socket through `socket.destroySoon()`, an undocumented
 * method of net.Socket, and offers no public hook between "answer written" and "socket destroyed":
 * wrapping that method is the only place to linger. `lingering-close.test.ts` fails, naming the
 * method, when a Node upgrade stops calling it.
 */
export const NODE_VERSION_WRITTEN_FOR = '24.21.0';

/**
 * Every connection Node's HTTP server closes after an answer (`Connection: close`: a 413, or a 401
 * to an upload, said before the body arrived; a shutdown) closes lingering. Node's own close ends
 * the socket and destroys it as soon as the answer is written, while a client uploading a body
 * larger than the drain in settleRequestBody is still sending: Node's fetch then fails with EPIPE
 * where curl, which reads early answers, shows the 413. The parser is detached first: a request
 * pipelined behind the last answer is not served, as Node would not have served it either.
 */
export const lingerWhenClosing = (server: Server): void => {
  server.on('connection', (socket: Socket & { destroySoon?: () => void }) => {
    const destroySoon = socket.destroySoon?.bind(socket);
    if (destroySoon === undefined) return;
    socket.destroySoon = () => {
      // Nothing more can arrive, or the sending side is already closing: Node's close is right.
      if (socket.readableEnded || socket.destroyed || socket.writableEnded) return destroySoon();
      socket.removeAllListeners('data');
      closeLingering(socket);
    };
  });
};
