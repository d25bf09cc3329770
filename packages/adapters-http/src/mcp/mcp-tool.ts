import type { AppError, AuthenticatedContext, Context, UseCases } from '@conduit/app';
import { z } from '@hono/zod-openapi';
import { err, type Result } from 'neverthrow';
import { problemForAppError } from '../problems/app-error-problem.js';
import { edgeProblems } from '../problems/edge-problems.js';
import type { ProblemSpec } from '../problems/problem.js';
import { fieldErrors } from '../validation/validation-hook.js';
import { IDEMPOTENCY_ADVICE, IDEMPOTENCY_ARGUMENT, idempotencyArgumentSchema } from './idempotency-argument.js';

/** What a tool answers: the same JSON as the HTTP operation it mirrors, or the same problem. */
export type ToolOutcome<T = Record<string, unknown>> = Result<T, ProblemSpec>;

/** MCP's hints for a client deciding whether to ask its user first (the spec's `ToolAnnotations`). */
type Hints = { readonly readOnlyHint: boolean; readonly destructiveHint?: boolean; readonly idempotentHint?: boolean };

type ToolSpec<S extends z.ZodType, O extends z.ZodType, C> = {
  readonly name: string;
  readonly title: string;
  /** What an agent reads to choose the tool: what it does, what it answers, when it refuses. */
  readonly description: string;
  readonly input: S;
  /** The answer's schema: the HTTP response schema where the tool mirrors an operation. */
  readonly output: O;
  readonly hints: Hints;
  readonly run: (useCases: UseCases, ctx: C, input: z.output<S>) => Promise<ToolOutcome<z.input<O> & Record<string, unknown>>>;
};

/** A tool as the MCP server lists and calls it; the same for every request. */
export type McpTool = {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Read tools are open to anonymous sessions (as the HTTP reads are); the rest need a token. */
  readonly access: 'anyone' | 'signed-in';
  /** A write that takes `idempotencyKey` (keyed-tool-call.ts): every write but one with a key of its own. */
  readonly keyed: boolean;
  /** The JSON schema of the arguments, generated from the zod schema that checks them. */
  readonly inputSchema: JsonObjectSchema;
  /** The JSON schema of a successful answer (`structuredContent`), from the HTTP response schema. */
  readonly outputSchema: JsonObjectSchema;
  readonly annotations: Hints & { readonly title: string; readonly openWorldHint: false };
  /** Checks the arguments as HTTP checks a body (same messages, same field names), then runs the use case. */
  readonly call: (useCases: UseCases, ctx: Context, args: unknown) => Promise<ToolOutcome>;
};

type JsonObjectSchema = { readonly type: 'object'; readonly [key: string]: unknown };

/** The JSON schema of what is sent (`input`: before defaults and transforms) or answered. */
export const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonObjectSchema => {
  const { $schema: _dialect, ...document } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return { ...document, type: 'object' };
};

const checked = async <S extends z.ZodType>(
  input: S,
  args: unknown,
  run: (value: z.output<S>) => Promise<ToolOutcome>,
): Promise<ToolOutcome> => {
  const parsed = await input.safeParseAsync(args ?? {});
  // Arguments are named as HTTP names body fields (below the wrapper object: "title", not "article.title").
  if (!parsed.success) return err(edgeProblems.validationFailed(fieldErrors(parsed.error, 'json')));
  return run(parsed.data);
};

const describe = <S extends z.ZodType, O extends z.ZodType, C>(spec: ToolSpec<S, O, C>, access: McpTool['access']) => {
  const inputSchema = jsonSchemaOf(spec.input, 'input');
  const properties = (inputSchema.properties ?? {}) as Record<string, unknown>;
  // A write is keyed unless its arguments carry a key of their own (the import's, which keys its job).
  const keyed = access === 'signed-in' && !spec.hints.readOnlyHint && !(IDEMPOTENCY_ARGUMENT in properties);
  return {
    name: spec.name,
    title: spec.title,
    description: keyed ? `${spec.description}${IDEMPOTENCY_ADVICE}` : spec.description,
    access,
    keyed,
    inputSchema: keyed ? { ...inputSchema, properties: { ...properties, [IDEMPOTENCY_ARGUMENT]: idempotencyArgumentSchema } } : inputSchema,
    outputSchema: jsonSchemaOf(spec.output, 'output'),
    annotations: { title: spec.title, openWorldHint: false as const, ...spec.hints },
  };
};

/** A tool anyone may call; a signed-in caller sees their own `favorited` and `following`. */
export const readTool = <S extends z.ZodType, O extends z.ZodType>(spec: ToolSpec<S, O, Context>): McpTool => ({
  ...describe(spec, 'anyone'),
  call: (useCases, ctx, args) => checked(spec.input, args, (input) => spec.run(useCases, ctx, input)),
});

/** A tool for signed-in callers: an anonymous one is refused as HTTP refuses it, before the arguments are read. */
export const writeTool = <S extends z.ZodType, O extends z.ZodType>(spec: ToolSpec<S, O, AuthenticatedContext>): McpTool => ({
  ...describe(spec, 'signed-in'),
  call: async (useCases, ctx, args) => {
    const { actor } = ctx;
    if (actor.kind !== 'user') return err(edgeProblems.unauthenticated('missing'));
    // The publication may close the MCP door's writes alone (the `mcp-writes` flag): its reads stay open.
    if (!spec.hints.readOnlyHint && !(await ctx.features.enabled('mcp-writes')))
      return err(problemForAppError({ type: 'FeatureDisabled', feature: 'mcp-writes' }));
    return checked(spec.input, args, (input) => spec.run(useCases, { ...ctx, actor }, input));
  },
});

/** A use case's answer, presented as its HTTP operation presents it. */
export const answer = <T, P>(result: Result<T, AppError>, present: (value: T) => P): ToolOutcome<P> =>
  result.map(present).mapErr(problemForAppError);
