import { type Agent, request } from 'node:http';

export type HostAnswer = {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint: tests read arbitrary JSON
  readonly body: any;
};

/**
 * One request to the server at `baseUrl` with the Host a browser on `host`'s site sends (fetch may
 * not set Host, node:http may), over `agent`'s kept-alive connections: how a test reaches one
 * publication of several served by one process.
 */
export const callAtHost = (
  baseUrl: string,
  host: string,
  method: string,
  path: string,
  options: { readonly token?: string; readonly body?: unknown; readonly agent?: Agent } = {},
): Promise<HostAnswer> =>
  new Promise((resolve, reject) => {
    const port = new URL(baseUrl).port;
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const outgoing = request(
      `${baseUrl}${path}`,
      {
        method,
        ...(options.agent ? { agent: options.agent } : {}),
        headers: {
          Host: `${host}:${port}`,
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
          ...(options.token ? { Authorization: `Token ${options.token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
