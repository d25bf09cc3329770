import type { Context } from 'hono';
import type { Result } from 'neverthrow';
import type { ProblemSpec } from '../problems/problem.js';
import type { LoginAttempts, LoginOutcome } from './rate-limits.types.js';

export type CheckedPassword<T, E> =
  | { readonly refused: ProblemSpec }
  | { readonly result: Result<T, E>; readonly headers: Readonly<Record<string, string>> };

/**
 * A use case that checks an account's password (a login, an erasure), run under the login budgets:
 * counted against the account and the address before the check, then settled by what the use case
 * said. `wrong` is the failure that means "wrong password"; a defect settles as neither.
 */
export const checkPasswordUnderBudget = async <T, E extends { readonly type: string }>(
  c: Context,
  attempts: LoginAttempts,
  email: string,
  wrong: E['type'],
  check: () => PromiseLike<Result<T, E>>,
): Promise<CheckedPassword<T, E>> => {
  const attempt = await attempts.begin(c, email);
  if (!attempt.allowed) return { refused: attempt.refusal };
  let outcome: LoginOutcome = 'other';
  try {
    const result = await check();
    outcome = result.isOk() ? 'succeeded' : result.error.type === wrong ? 'failed' : 'other';
    return { result, headers: attempt.headers };
  } finally {
    await attempt.settle(outcome);
  }
};
