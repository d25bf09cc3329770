import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './openapi.js';
import { DEFAULT_RETRY, type RetryPolicy, retryingFetch } from './retrying-fetch.js';

export type ConduitClientOptions = {
  /** Where the API is served, without `/api` (the paths carry it): `http://localhost:3000`. */
  readonly baseUrl: string;
  /** The signed-in user's token (from register or login), or a function that reads the current one. */
  readonly token?: string | (() => string | undefined);
  /** Retries of safe requests (reads, and writes with an `Idempotency-Key`); `{ attempts: 1 }` turns them off. */
  readonly retry?: Partial<RetryPolicy>;
  /** The `fetch` to send with (a test's, a proxy's); the platform's by default. */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request (a `User-Agent`, a trace header). */
  readonly headers?: Record<string, string>;
};

/** Every Conduit operation, typed from the committed OpenAPI document: `client.GET('/api/articles', …)`. */
export type ConduitClient = Client<paths>;

/**
 * A client for the Conduit API. Each call answers `{ data }` or `{ error }` (the problem document,
 * typed per status) with the raw `response`; nothing throws but the network. The token goes in the
 * `Authorization: Token …` header RealWorld clients use.
 */
export const createConduitClient = (options: ConduitClientOptions): ConduitClient => {
  const fetchOnce = options.fetch ?? ((request: Request) => fetch(request));
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: retryingFetch(fetchOnce, { ...DEFAULT_RETRY, ...options.retry }),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const { token } = options;
  if (token !== undefined) {
    client.use({
      onRequest: ({ request }) => {
        const current = typeof token === 'function' ? token() : token;
        if (current !== undefined && !request.headers.has('Authorization')) request.headers.set('Authorization', `Token ${current}`);
        return request;
      },
    });
  }
  return client;
};
