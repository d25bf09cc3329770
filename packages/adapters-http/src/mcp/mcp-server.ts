import type { Context, UseCases } from '@conduit/app';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { err } from 'neverthrow';
import { z } from 'zod';
import type { IdempotencyKeys } from '../middleware/idempotency-keys.types.js';
import { type ProblemSpec, toProblem } from '../problems/problem.js';
import { type KeyedOutcome, keyedToolCall, splitKey } from './keyed-tool-call.js';
import { fixedResources, RESOURCE_MEDIA_TYPE, readResource, resourceTemplates } from './mcp-resources.js';
import type { McpTool, ToolOutcome } from './mcp-tool.js';
import { MCP_TOOLS, toolsByName } from './mcp-tools.js';

/** The result's `_meta` key that marks an answer replayed for a repeated idempotency key. */
export const REPLAYED_META = 'conduit/idempotent-replayed';

/** MCP's own code for a resource that does not exist (the specification's -32002). */
const RESOURCE_NOT_FOUND = -32002;

const resourceNotFound: ProblemSpec = {
  status: 404,
  code: 'RESOURCE_NOT_FOUND',
  title: 'Resource not found',
  detail: 'No resource has this URI; see resources/templates/list.',
  errors: { uri: ['not found'] },
};

/**
 * The SDK parses a request with the handler's schema before anything else and answers a mismatch
 * as an internal error (-32603). Handlers are registered with this schema, which names only the
 * method, and check the parameters themselves: malformed parameters are the client's mistake, -32602.
 */
const anyParams = <M extends string>(method: M) => z.looseObject({ method: z.literal(method), params: z.unknown() });
// Made once: a zod schema compiles itself on first use, and a server is made per request.
const CALL_TOOL = anyParams('tools/call');
const READ_RESOURCE = anyParams('resources/read');

/**
 * A server validates elicited input with it (Conduit elicits nothing); by default each server
 * builds its own Ajv, which cost more CPU than the tool call it served.
 */
const sharedValidator = new AjvJsonSchemaValidator();

const checkedParams = <S extends z.ZodType>(schema: S, request: unknown): z.output<S> => {
  const parsed = schema.safeParse(request);
  if (!parsed.success) throw new McpError(ErrorCode.InvalidParams, `Invalid params: ${z.prettifyError(parsed.error).slice(0, 500)}`);
  return parsed.data;
};

/** What one MCP request runs with: the same boundary concerns an HTTP request's use cases get. */
export type McpRequestScope = {
  readonly useCases: UseCases;
  readonly ctx: Context;
  readonly requestId: string;
  /** The path the problems name as their `instance`. */
  readonly path: string;
  /** Names what the request did (`tools/call create_article`), for its access line and metrics. */
  readonly named: (operation: string) => void;
  /** Records the refusal's code for the access line, as problemResponse does for HTTP. */
  readonly refused: (code: string) => void;
  /** A failure that is not the caller's (a dependency down, a bug): logged by the caller, answered with this problem. */
  readonly failure: (error: unknown) => ProblemSpec;
  /** The key store and the request's claim, as HTTP's keyed writes use them. */
  readonly idempotency: IdempotencyKeys;
  /** An answer of a keyed call that could not be kept (logged: a retry will then run afresh). */
  readonly keepFailed: (error: unknown) => void;
};

const INSTRUCTIONS =
  'Conduit is a blogging platform (the RealWorld API). Read tools work without a token; writing, following, favoriting, the feed and imports need "Authorization: Token <jwt>" on the connection (get a token from POST /api/users/login). A refused call answers with a problem: a stable `code` and field `errors`, as the HTTP API does.';

/**
 * A server for one HTTP request (the transport is stateless): its tools see this request's actor,
 * so an anonymous caller is shown the read tools only, and every call runs through the use cases.
 */
export const mcpServerFor = (scope: McpRequestScope, version: string): Server => {
  const server = new Server(
    { name: 'conduit', title: 'Conduit', version },
    {
      capabilities: { tools: { listChanged: false }, resources: { listChanged: false } },
      instructions: INSTRUCTIONS,
      jsonSchemaValidator: sharedValidator,
    },
  );
  const signedIn = scope.ctx.actor.kind === 'user';

  /** A use case's outcome; a failure that is not the caller's becomes its problem, never the SDK's message. */
  const settle = async (outcome: () => Promise<ToolOutcome>): Promise<ToolOutcome> => {
    try {
      return await outcome();
    } catch (error) {
      return err(scope.failure(error));
    }
  };

  /** A call as its tool takes it; a keyed write's, through its key (keyed-tool-call.ts). */
  const callTool = async (tool: McpTool, args: unknown): Promise<KeyedOutcome> => {
    if (!tool.keyed) return { outcome: await settle(() => tool.call(scope.useCases, scope.ctx, args)), replayed: false };
    const { key, problem, rest } = splitKey(args);
    if (problem !== undefined) return { outcome: err(problem), replayed: false };
    if (key === undefined) return { outcome: await settle(() => tool.call(scope.useCases, scope.ctx, rest)), replayed: false };
    try {
      const run = () => tool.call(scope.useCases, scope.ctx, rest);
      return await keyedToolCall(scope.idempotency, scope.ctx.actor, tool.name, key, rest, run, scope.keepFailed);
    } catch (error) {
      return { outcome: err(scope.failure(error)), replayed: false };
    }
  };

  server.setRequestHandler(ListToolsRequestSchema, () => {
    scope.named('tools/list');
    return {
      tools: MCP_TOOLS.filter((tool) => signedIn || tool.access === 'anyone').map(
        ({ name, title, description, inputSchema, outputSchema, annotations }) => ({
          name,
          title,
          description,
          inputSchema,
          outputSchema,
          annotations,
        }),
      ),
    };
  });

  server.setRequestHandler(CALL_TOOL, async (unchecked): Promise<CallToolResult> => {
    const request = checkedParams(CallToolRequestSchema, unchecked);
    const tool = toolsByName.get(request.params.name);
    // Only known names become labels: metrics stay bounded whatever a client sends.
    scope.named(`tools/call ${tool?.name ?? '(unknown tool)'}`);
    if (tool === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name.slice(0, 100)}`);
    const { outcome, replayed } = await callTool(tool, request.params.arguments);
    // A replayed answer says so, as HTTP's `Idempotent-Replayed: true` does.
    const meta = replayed ? { _meta: { [REPLAYED_META]: true } } : {};
    if (outcome.isOk()) {
      const value = outcome.value;
      return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value, ...meta };
    }
    scope.refused(outcome.error.code);
    // The problem as HTTP would answer it, as text: an error result carries no structured content,
    // which clients would check against the tool's output schema.
    const problem = toProblem(outcome.error, scope.path, scope.requestId);
    return { isError: true, content: [{ type: 'text', text: JSON.stringify(problem) }], ...meta };
  });

  server.setRequestHandler(ListResourcesRequestSchema, () => {
    scope.named('resources/list');
    return { resources: fixedResources };
  });
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => {
    scope.named('resources/templates/list');
    return { resourceTemplates };
  });
  server.setRequestHandler(READ_RESOURCE, async (unchecked) => {
    scope.named('resources/read');
    const { uri } = checkedParams(ReadResourceRequestSchema, unchecked).params;
    const outcome = await settle(async () => (await readResource(scope.useCases, scope.ctx, uri)) ?? err(resourceNotFound));
    if (outcome.isOk()) return { contents: [{ uri, mimeType: RESOURCE_MEDIA_TYPE, text: JSON.stringify(outcome.value) }] };
    scope.refused(outcome.error.code);
    const problem = toProblem(outcome.error, scope.path, scope.requestId);
    throw new McpError(problem.status === 404 ? RESOURCE_NOT_FOUND : ErrorCode.InternalError, problem.detail, problem);
  });

  return server;
};
