import { createHash, randomUUID } from 'node:crypto';
import { type Actor, IDEMPOTENCY_WINDOW_MS, type StoredAnswer, userIdempotencyScope } from '@conduit/domain';
import { err, ok } from 'neverthrow';
import type { IdempotencyKeys } from '../middleware/idempotency-keys.types.js';
import { problemForAppError } from '../problems/app-error-problem.js';
import { edgeProblems } from '../problems/edge-problems.js';
import type { ProblemSpec } from '../problems/problem.js';
import { fieldErrors } from '../validation/validation-hook.js';
import { IDEMPOTENCY_ARGUMENT, KeyArgument } from './idempotency-argument.js';
import type { ToolOutcome } from './mcp-tool.js';

/*
 * An MCP write made safe to repeat, as `Idempotency-Key` makes an HTTP write: an agent whose call
 * timed out calls again with the same `idempotencyKey`, and the first call's answer comes back with
 * nothing applied twice. The same key store, window (24 h) and scope (per user, per publication) as
 * HTTP's (middleware/idempotency-key.ts): the key is claimed by the write's own transaction, so it is
 * held exactly when the write was applied, and the answer is kept once the tool gives it.
 */

/** What a call carried: its key (none, or a problem when it is not a usable one) and the tool's own arguments. */
export const splitKey = (args: unknown): { key?: string; problem?: ProblemSpec; rest: unknown } => {
  if (typeof args !== 'object' || args === null || !(IDEMPOTENCY_ARGUMENT in args)) return { rest: args };
  const { [IDEMPOTENCY_ARGUMENT]: given, ...rest } = args as Record<string, unknown>;
  const parsed = KeyArgument.safeParse({ [IDEMPOTENCY_ARGUMENT]: given });
  if (!parsed.success) return { problem: edgeProblems.validationFailed(fieldErrors(parsed.error, 'json')), rest };
  const key = parsed.data[IDEMPOTENCY_ARGUMENT];
  return key === undefined ? { rest } : { key, rest };
};

/** Same tool, same arguments (keys in any order): the same fingerprint. */
const fingerprintOf = (tool: string, args: unknown): string =>
  createHash('sha256').update(`mcp ${tool}\n`).update(canonicalJson(args)).digest('hex');

const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(Reflect.get(value, key))}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
};

/** A kept answer: the tool's result, or the problem it refused with. */
type Kept = { readonly result: Record<string, unknown> } | { readonly problem: ProblemSpec };

const keep = (outcome: ToolOutcome): StoredAnswer =>
  outcome.isOk()
    ? { status: 200, headers: {}, body: JSON.stringify({ result: outcome.value } satisfies Kept) }
    : { status: outcome.error.status, headers: {}, body: JSON.stringify({ problem: outcome.error } satisfies Kept) };

const replayed = (answer: StoredAnswer): ToolOutcome => {
  const kept = JSON.parse(answer.body) as Kept;
  return 'result' in kept ? ok(kept.result) : err(kept.problem);
};

export type KeyedOutcome = { readonly outcome: ToolOutcome; readonly replayed: boolean };

/**
 * Runs `call` under `key` for `actor`: a key seen before answers as its first call did (or refuses
 * other arguments); a new one is claimed by the call's transaction and its answer kept.
 */
export const keyedToolCall = async (
  idempotency: IdempotencyKeys,
  actor: Actor,
  tool: string,
  key: string,
  args: unknown,
  call: () => Promise<ToolOutcome>,
  onKeepFailed: (error: unknown) => void,
): Promise<KeyedOutcome> => {
  const { keys, claimFor, inProgressMs } = idempotency;
  if (actor.kind !== 'user') return { outcome: err(edgeProblems.unauthenticated('missing')), replayed: false };
  const scope = userIdempotencyScope(actor.userId);
  const fingerprint = fingerprintOf(tool, args);
  const now = new Date();
  const held = await keys.find(scope, key, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS));
  if (held !== null) {
    if (held.fingerprint !== fingerprint)
      return { outcome: err(problemForAppError({ type: 'IdempotencyKeyReused', key })), replayed: false };
    if (held.answer !== null) return { outcome: replayed(held.answer), replayed: true };
    const inProgress = now.getTime() - held.createdAt.getTime() < inProgressMs;
    return { outcome: err(inProgress ? edgeProblems.idempotentRequestInProgress() : edgeProblems.idempotentAnswerLost()), replayed: false };
  }
  const holder = randomUUID();
  let committed = false;
  claimFor({ scope, key, fingerprint, holder, at: now, committed: () => (committed = true) });
  const outcome = await call();
  // Kept only when the write was applied; a failure after its commit is not the write's answer.
  if (committed && (outcome.isOk() || outcome.error.status < 500)) {
    await keys.recordAnswer(scope, key, holder, keep(outcome)).catch(onKeepFailed);
  }
  return { outcome, replayed: false };
};
