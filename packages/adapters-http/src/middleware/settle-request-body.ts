import type { IncomingMessage } from 'node:http';
import { createMiddleware } from 'hono/factory';

export type BodySettling = {
  /** Unread request bytes we are willing to read and discard to keep the connection. */
  readonly maxDrainBytes: number;
  /** How long we wait for them; a client that stops sending gets its answer with the connection closed. */
  readonly drainBudgetMs: number;
};

/**
 * Reads what is left of the body and throws it away; true when it all arrived within the limits.
 * An async iterator rather than 'data' events: other parties (the adapter's body wrapper) may pause
 * the stream, which would stall a listener but not a reader.
 */
const drain = async (incoming: IncomingMessage, { maxDrainBytes, drainBudgetMs }: BodySettling): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), drainBudgetMs)));
  const reading = (async () => {
    let read = 0;
    for await (const chunk of incoming.iterator({ destroyOnReturn: false })) {
      read += (chunk as Buffer).length;
      if (read > maxDrainBytes) return false;
    }
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([reading, timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * An answer given before the request body was read (401, 404, 413, 415…) must not leave that body
 * on a keep-alive connection, where it would be taken for the next request (RFC 9112 §9.3). So
 * before answering, the rest of the body is read and discarded when it is small and arrives
 * promptly; otherwise the answer says `Connection: close` and the connection ends after it.
 */
export const settleRequestBody = (settling: BodySettling) =>
  createMiddleware(async (c, next) => {
    await next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming === undefined || incoming.readableEnded || !hasBody(incoming)) return;
    const declared = Number(incoming.headers['content-length'] ?? 0);
    const drained = !incoming.destroyed && declared <= settling.maxDrainBytes && (await drain(incoming, settling));
    if (!drained) c.res.headers.set('Connection', 'close');
  });

const hasBody = (incoming: IncomingMessage): boolean =>
  incoming.headers['transfer-encoding'] !== undefined || Number(incoming.headers['content-length'] ?? 0) > 0;
