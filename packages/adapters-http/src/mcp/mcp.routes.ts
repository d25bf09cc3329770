import type { UseCases } from '@conduit/app';
import { anonymous } from '@conduit/domain';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.js';
import type { Authentication } from '../auth/authenticate.js';
import { problemForAppError } from '../problems/app-error-problem.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import { type DependencyFailures, problemForThrown } from '../problems/thrown-problem.js';
import { mcpServerFor } from './mcp-server.js';

export const MCP_PATH = '/mcp';

/** Every status but those that never carry a body (the SDK answers 200, 202 and 4xx). */
const hasContent = (status: number): status is ContentfulStatusCode => ![101, 204, 205, 304].includes(status);

type McpEnv = { Variables: AppEnv['Variables'] & { authentication: () => Promise<Authentication> } };

export type McpOptions = {
  readonly version: string;
  /** As the HTTP app's: a dependency failure a client may retry is answered with 503's problem. */
  readonly failures: DependencyFailures;
};

/**
 * MCP over Streamable HTTP, stateless: each POST is a whole exchange with its own server, so any
 * instance (or cluster worker) answers any request, a restart loses no session, and a request's
 * actor, budget, limits and logs are the HTTP middleware's, applied before this handler runs.
 * GET (a server-sent stream) is not offered: the router's 405 names POST.
 */
export const mcpRouter = (useCases: UseCases, options: McpOptions) =>
  new Hono<McpEnv>().post(MCP_PATH, async (c) => {
    const authentication = await c.get('authentication')();
    // A token that does not verify is refused outright (RFC 6750), not silently read as anonymous.
    if (authentication.kind === 'invalid') return problemResponse(c, edgeProblems.unauthenticated('invalid'));
    const actor = authentication.kind === 'user' ? authentication.actor : anonymous;
    const self = authentication.kind === 'user' ? authentication.self : undefined;
    c.set('actor', actor);
    // The publication may close the MCP door as a whole (the `mcp` flag), for this caller: the HTTP API stays open.
    if (!(await c.get('features').enabled('mcp')))
      return problemResponse(c, problemForAppError({ type: 'FeatureDisabled', feature: 'mcp' }));
    const server = mcpServerFor(
      {
        useCases,
        ctx: { actor, features: c.get('features'), ...(self ? { self } : {}) },
        requestId: c.get('requestId'),
        path: c.req.path,
        named: (operation) => c.set('operation', `${MCP_PATH} ${operation}`),
        refused: (code) => c.set('problemCode', code),
        failure: (error) => problemForThrown(error, c.get('logger'), options.failures),
        idempotency: c.get('idempotency'),
        keepFailed: (error) => c.get('logger').warn({ err: error }, 'the answer of a keyed MCP call was not kept'),
      },
      options.version,
    );
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
    await server.connect(transport);
    try {
      const answer = await transport.handleRequest(c.req.raw);
      // Answered through the context, so the headers every answer gets (request id, security, timing) are on it.
      // The exchange is JSON, already whole (enableJsonResponse): nothing streams.
      const text = await answer.text();
      const headers = Object.fromEntries(answer.headers);
      if (!hasContent(answer.status)) return c.body(null, 204, headers);
      return text === '' ? c.body(null, answer.status, headers) : c.body(text, answer.status, headers);
    } finally {
      await server.close();
    }
  });
