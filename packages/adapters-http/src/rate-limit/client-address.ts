import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import proxyAddr from 'proxy-addr';

/**
 * The client's address: the socket peer, unless that peer is a configured proxy, in which case the
 * nearest address in `X-Forwarded-For` that is not itself a trusted proxy. A client cannot pick its
 * own bucket by sending the header: from an untrusted peer it is ignored. (proxy-addr, as Express.)
 */
export const clientAddressResolver = (trustedProxies: readonly string[]) => {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (c: Context): string => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    return incoming?.socket ? proxyAddr(incoming, trust) : 'unknown';
  };
};

export type ClientAddress = ReturnType<typeof clientAddressResolver>;
