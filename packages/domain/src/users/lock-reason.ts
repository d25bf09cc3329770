import { err, ok, type Result } from 'neverthrow';
import { type FieldErrors, requiredText } from '../shared/text-rules.js';

export const LOCK_REASON_MAX = 500;

/** Why an account is locked, as checkLockReason made it. */
export type LockReason = string & { readonly __brand: 'LockReason' };

/** Why an account is locked: required (the record must say why), trimmed, up to LOCK_REASON_MAX. */
export const checkLockReason = (value: unknown): Result<LockReason, FieldErrors> => {
  const checked = requiredText(value, LOCK_REASON_MAX);
  return 'problem' in checked ? err({ reason: [checked.problem] }) : ok(checked.text as LockReason);
};
