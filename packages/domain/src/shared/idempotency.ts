import type { UserId } from './ids.js';
/** How long an `Idempotency-Key` names the request it came with: a retry within it gets that request's answer. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;

/**
 * What a transport answered a write: kept under the write's key so a retry gets the same answer
 * back, whatever the transport (HTTP keeps its status, a few headers and the body).
 */
export type StoredAnswer = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

/**
 * A write's `Idempotency-Key`, claimed in the same transaction as the write: the write and its key
 * commit together or not at all, so a key is held exactly when its write was applied.
 */
export type IdempotencyClaim = {
  /** Whose key it is (`user:42`; `anonymous` for a sign-up): keys of different callers never meet. */
  readonly scope: string;
  readonly key: string;
  /** What identifies the request (a hash of its method, path and body): the same key for another request is refused. */
  readonly fingerprint: string;
  /** This request's own mark, so its second unit of work finds the key already its own. */
  readonly holder: string;
  /** When the request claims it; a key claimed more than IDEMPOTENCY_WINDOW_MS before is expired and taken over. */
  readonly at: Date;
  /** Told once a unit of work that claimed the key has committed. */
  readonly committed: () => void;
};

/** The key a held claim names, as stored. */
export type HeldIdempotencyKey = {
  readonly fingerprint: string;
  readonly holder: string;
  readonly createdAt: Date;
  /** The answer its request gave; null until it is recorded (or when it could not be). */
  readonly answer: StoredAnswer | null;
};

/** The request's key to claim, if it came with one; supplied by the composition root from the request's scope. */
export type CurrentIdempotencyClaim = () => IdempotencyClaim | undefined;

/** Keys of writes and their answers. `claim` runs inside a unit of work; the others on their own. */
export interface IdempotencyKeyRepository {
  /** Takes the key for this request; false when another request holds it (a duplicate in flight, or done). */
  claim(claim: IdempotencyClaim): Promise<boolean>;
  /** The key as held since `since`, if it is. */
  find(scope: string, key: string, since: Date): Promise<HeldIdempotencyKey | null>;
  /** Records the answer of the request that holds the key. */
  recordAnswer(scope: string, key: string, holder: string, answer: StoredAnswer): Promise<void>;
  /** Forgets keys claimed before `before`; how many. */
  forgetBefore(before: Date): Promise<number>;
}

/**
 * Thrown by a unit of work whose key another request holds: it rolls back having applied nothing.
 * Only the driver that set the claim sees it (it answers with the holder's answer, or "in progress").
 */
export class IdempotencyKeyHeld extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" is held by another request`);
    this.name = 'IdempotencyKeyHeld';
  }
}

/** Whose keys they are: a user's own, so one user's key never answers another's request. */
export const userIdempotencyScope = (id: UserId): string => `user:${id}`;
