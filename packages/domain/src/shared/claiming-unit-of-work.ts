import { ResultAsync } from 'neverthrow';
import { type CurrentIdempotencyClaim, IdempotencyKeyHeld } from './idempotency.js';
import type { Repositories, UnitOfWork } from './unit-of-work.js';

/**
 * Every unit of work of a request with an idempotency key claims the key first, in its own
 * transaction: a second request with the key waits on the first's row, then rolls back untouched.
 */
export const claimingIdempotencyKeys = (inner: UnitOfWork, currentClaim: CurrentIdempotencyClaim): UnitOfWork => {
  const claiming: UnitOfWork = {
    run: (work) => {
      const claim = currentClaim();
      if (claim === undefined) return inner.run(work);
      return inner
        .run((repositories: Repositories) =>
          ResultAsync.fromSafePromise(repositories.idempotencyKeys.claim(claim)).andThen((taken) => {
            if (!taken) throw new IdempotencyKeyHeld(claim.key);
            return work(repositories);
          }),
        )
        .map((value) => {
          claim.committed();
          return value;
        });
    },
    // The claim and the write commit together or not at all: with a key, one write needs a transaction too.
    runOneWrite: (work) => (currentClaim() === undefined ? inner.runOneWrite(work) : claiming.run(work)),
  };
  return claiming;
};
