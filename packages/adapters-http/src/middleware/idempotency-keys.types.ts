import type { IdempotencyClaim, IdempotencyKeyRepository } from '@conduit/domain';

/** What keyed writes need from the app: the keys' store and the request scope the units of work read. */
export type IdempotencyKeys = {
  readonly keys: IdempotencyKeyRepository;
  /** Puts the claim where this request's units of work find it. */
  readonly claimFor: (claim: IdempotencyClaim) => void;
  /**
   * How long a held key without an answer counts as in progress: its write committed and its answer
   * is on the way (a committed write is answered however late). Past it, the answer was lost.
   */
  readonly inProgressMs: number;
};
