import type { AppError, ArticlePosition, AuthenticatedContext, Context, UseCases } from '@conduit/app';
import type { FieldErrors } from '@conduit/domain';
import type { z } from '@hono/zod-openapi';
import type { Result, ResultAsync } from 'neverthrow';
import type { ProblemStatus } from '../schemas/problem.schemas.js';

/**
 * Who may call: anyone, the token not even read (`none`); anyone, a signed-in caller seeing their
 * own flags (`optional`); or signed-in callers only (`required`).
 */
export type OperationAuth = 'none' | 'optional' | 'required';
type ContextOf<A extends OperationAuth> = A extends 'required' ? AuthenticatedContext : Context;

type ObjectSchema = z.ZodObject<z.ZodRawShape>;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : unknown;

/** The operation's input: its path parameters, query and body, as one object (as MCP takes them). */
export type InputOf<P, Q, B> = OutputOf<P> & OutputOf<Q> & OutputOf<B>;

/**
 * How a page names the page after it, as each door does: HTTP as a URL (also sent as a
 * `Link: <…>; rel="next"` header), MCP as the cursor itself, which the tool takes back as `cursor`.
 */
export type PageLinks = { readonly next: (position: ArticlePosition) => string };

/** MCP's hints for a client deciding whether to ask its user first (the spec's `ToolAnnotations`). */
export type ToolHints = { readonly readOnlyHint: boolean; readonly destructiveHint?: boolean; readonly idempotentHint?: boolean };

/**
 * One operation, declared once: what it takes (its request parts, each a zod schema), the domain
 * check that makes the use case's command, the use case call, what it answers (the presenter and
 * its schema), the failures it can answer with, and its names on each door. The Hono route with its
 * OpenAPI entry (http-operation.ts) and the MCP tool (mcp-operation.ts) are derived from it: a
 * door cannot lack what another has, and adding an operation touches this declaration alone.
 * Writes (any method but GET) take an idempotency key on both doors, unless they say why not.
 *
 * Written by hand instead, each for what its door does that no declaration describes: sign-up,
 * login and erasure (a password guess is counted against the login budgets, and a sign-in records
 * the client), the import (its body is a stream, and the MCP tool's is a list), a cancel (two
 * successes, 200 or 202, chosen by the job's state) and the account export (a file).
 */
export type Operation<
  A extends OperationAuth,
  P extends ObjectSchema | undefined,
  Q extends ObjectSchema | undefined,
  B extends ObjectSchema | undefined,
  R extends z.ZodType | undefined,
  C,
  V,
> = {
  readonly auth: A;
  readonly http: {
    readonly method: 'get' | 'post' | 'put' | 'delete';
    /** OpenAPI's form, `{slug}`. */
    readonly path: string;
    readonly operationId: string;
    readonly tags: readonly string[];
    readonly summary: string;
    /** The success: 200 or 201 with `response` as its body, or 204 with none. */
    readonly status: 200 | 201 | 204;
    readonly description: string;
    /** Why a write takes no idempotency key, where it does not: it applies nothing a retry could apply twice. */
    readonly idempotencyKey?: { readonly none: string };
    /** Headers of the success, in OpenAPI's form, and their values from what the use case answered. */
    readonly headers?: {
      readonly schema: Record<string, { description: string; schema: object }>;
      readonly of: (view: V) => Record<string, string>;
    };
  };
  readonly request: { readonly params?: P; readonly query?: Q; readonly body?: B };
  readonly response: R;
  /** The statuses of the use case's failures: `failureStatuses(useCase, [...])`, which the build checks against its type. */
  readonly failures: readonly ProblemStatus[];
  /** The domain's check that makes the command (a refusal is a 422 on both doors); without it, the input is the command. */
  readonly check?: (input: InputOf<P, Q, B>) => Result<C, FieldErrors>;
  readonly run: (
    useCases: UseCases,
    ctx: ContextOf<A>,
    command: C,
    input: InputOf<P, Q, B>,
  ) => ResultAsync<V, AppError> | Promise<Result<V, AppError>>;
  /** The body of the success, as `response` describes it (not called for a 204). */
  readonly present: (view: V, input: InputOf<P, Q, B>, links: PageLinks) => OutputOf<R>;
  /** The operation's MCP tool; without it, the operation is HTTP's alone. */
  readonly mcp?: {
    readonly name: string;
    readonly title: string;
    /** What an agent reads to choose the tool: what it does, what it answers, when it refuses. */
    readonly description: string;
    readonly hints: ToolHints;
    /** The arguments where the tool's form of a value differs from HTTP's (a comment's id is a number, not path text). */
    readonly input?: z.ZodType<InputOf<P, Q, B>>;
    /** Operations on the same input whose answers the tool adds to its own: one call where HTTP takes two (an article with its comments). */
    readonly alongside?: readonly AnyOperation[];
    /** Where the tool answers otherwise than the route (a 204 has no body; a tool says what it did). */
    readonly answer?: {
      readonly output: z.ZodType;
      /** Without it, the route's presenter, its page links the tool's. */
      readonly present?: (view: V, input: InputOf<P, Q, B>) => Record<string, unknown>;
    };
  };
};

// biome-ignore lint/suspicious/noExplicitAny: an operation of any shapes, each checked where it is declared.
type OfAuth<A extends OperationAuth> = Operation<A, any, any, any, any, any, any>;
/** Any declared operation, for the derivations that take a list of them. */
export type AnyOperation = OfAuth<'none'> | OfAuth<'optional'> | OfAuth<'required'>;

/** Declares an operation; the identity, so that its parts' types are inferred and checked together. */
export const operation = <
  A extends OperationAuth,
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends ObjectSchema | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
  C = InputOf<P, Q, B>,
  V = unknown,
>(
  declared: Operation<A, P, Q, B, R, C, V>,
): Operation<A, P, Q, B, R, C, V> => declared;
