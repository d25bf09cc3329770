import { z } from '@hono/zod-openapi';
import { err, ok } from 'neverthrow';
import { answer, type McpTool, readTool, writeTool } from '../mcp/mcp-tool.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { encodeCursor } from '../schemas/article-cursor.js';
import type { AnyOperation } from './operation.js';

/**
 * The operation's input as one schema: the request part itself where there is one (its own
 * description kept), else the parts' fields side by side (`slug` beside `article`).
 */
const inputOf = (operation: AnyOperation): z.ZodType => {
  const parts = [operation.request.params, operation.request.query, operation.request.body].filter(
    (part): part is z.ZodObject<z.ZodRawShape> => part !== undefined,
  );
  if (parts.length === 1) return parts[0] as z.ZodType;
  return z.object(Object.assign({}, ...parts.map((part) => part.shape)));
};

/**
 * The MCP tool of an operation: the same input (checked as HTTP checks it, the same field names and
 * words), the same domain check, use case and presenter, and the same problems; open to anyone or
 * to signed-in callers as the route is; a write takes `idempotencyKey` as a route takes the header.
 */
export const toolOf = (operation: AnyOperation): McpTool => {
  const { mcp } = operation;
  const output = mcp.answer?.output ?? operation.response;
  // A page's `next` is the cursor itself, which the tool takes back as `cursor`.
  const present = mcp.answer?.present ?? ((view: unknown, input: unknown) => operation.present(view, input, { next: encodeCursor }));
  const spec = {
    name: mcp.name,
    title: mcp.title,
    description: mcp.description,
    input: inputOf(operation),
    output,
    hints: mcp.hints,
    run: async (useCases: Parameters<McpTool['call']>[0], ctx: never, input: never) => {
      const command = operation.check ? operation.check(input) : ok(input);
      if (command.isErr()) return err(edgeProblems.validationFailed(command.error));
      return answer(await operation.run(useCases, ctx, command.value, input), (view) => present(view, input));
    },
  };
  return operation.auth === 'required' ? writeTool(spec as never) : readTool(spec as never);
};
