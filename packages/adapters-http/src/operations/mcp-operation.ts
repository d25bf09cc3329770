import { z } from '@hono/zod-openapi';
import { err, ok, type Result } from 'neverthrow';
import { answer, type McpTool, readTool, type ToolOutcome, writeTool } from '../mcp/mcp-tool.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { encodeCursor } from '../schemas/article-cursor.js';
import type { AnyOperation } from './operation.js';

type WithTool = AnyOperation & { readonly mcp: NonNullable<AnyOperation['mcp']> };
type Outcome = ToolOutcome<Record<string, unknown>>;

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

/** Runs one operation on the tool's input: its domain check, its use case, and its answer as the tool presents it. */
const runOne = async (operation: AnyOperation, useCases: Parameters<McpTool['call']>[0], ctx: never, input: never): Promise<Outcome> => {
  const command = operation.check ? operation.check(input) : ok(input);
  if (command.isErr()) return err(edgeProblems.validationFailed(command.error));
  // A page's `next` is the cursor itself, which the tool takes back as `cursor`.
  const present =
    operation.mcp?.answer?.present ??
    ((view: unknown) => operation.present(view, input, { next: encodeCursor }) as Record<string, unknown>);
  return answer(await operation.run(useCases, ctx, command.value, input), (view) => present(view, input));
};

/** The answers side by side, or the first refusal in the order the operations are declared. */
const merged = (outcomes: readonly Outcome[]): Outcome =>
  outcomes.reduce<Outcome>(
    (all, one) => all.andThen((so) => one.map((more) => ({ ...so, ...more }))),
    ok({}) as Result<Record<string, unknown>, never>,
  );

/** An operation's answer schema on the MCP door. */
const outputOf = (operation: AnyOperation): z.ZodType => operation.mcp?.answer?.output ?? operation.response;

/**
 * The MCP tool of an operation: the same input (checked as HTTP checks it, the same field names and
 * words), the same domain check, use case and presenter, and the same problems; open to anyone or
 * to signed-in callers as the route is; a write takes `idempotencyKey` as a route takes the header.
 */
export const toolOf = (operation: WithTool): McpTool => {
  const { mcp } = operation;
  const alongside = mcp.alongside ?? [];
  const output = alongside.reduce((all, other) => (all as z.ZodObject).extend((outputOf(other) as z.ZodObject).shape), outputOf(operation));
  const spec = {
    name: mcp.name,
    title: mcp.title,
    description: mcp.description,
    input: mcp.input ?? inputOf(operation),
    output,
    hints: mcp.hints,
    run: async (useCases: Parameters<McpTool['call']>[0], ctx: never, input: never) =>
      merged(await Promise.all([operation, ...alongside].map((one) => runOne(one, useCases, ctx, input)))),
  };
  return operation.auth === 'required' ? writeTool(spec as never) : readTool(spec as never);
};

/** The tools of the operations that have one, in their order. */
export const toolsOf = (operations: readonly AnyOperation[]): McpTool[] =>
  operations.flatMap((operation) => (operation.mcp ? [toolOf(operation as WithTool)] : []));
