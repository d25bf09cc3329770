import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';

/** A tool's answer: its JSON on success, the problem (the HTTP error body) on a refusal. */
export type ToolAnswer = { readonly ok: boolean; readonly body: Record<string, unknown> & { readonly code?: string } };

export type McpConnection = {
  readonly client: Client;
  /** Calls a tool and reads its answer. */
  readonly call: (name: string, args?: Record<string, unknown>) => Promise<ToolAnswer>;
  readonly close: () => Promise<void>;
};

/**
 * The SDK's own client over Streamable HTTP, as an agent's host connects: `Authorization` on every
 * request when a token is given; `fetch` to reach an in-process app instead of the network.
 */
export const connectMcp = async (
  url: string,
  options: { readonly token?: string; readonly fetch?: typeof fetch; readonly headers?: Record<string, string> } = {},
): Promise<McpConnection> => {
  const headers = { ...options.headers, ...(options.token ? { Authorization: `Token ${options.token}` } : {}) };
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const client = new Client({ name: 'conduit-tests', version: '1.0.0' });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> => {
    const result = CallToolResultSchema.parse(await client.callTool({ name, arguments: args }));
    const first = result.content[0];
    const body = result.structuredContent ?? (first?.type === 'text' ? JSON.parse(first.text) : {});
    return { ok: result.isError !== true, body };
  };
  return { client, call, close: () => client.close() };
};
