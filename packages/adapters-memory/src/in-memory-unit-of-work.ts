import type { Repositories, UnitOfWork } from '@conduit/domain';
import { ResultAsync } from 'neverthrow';
import type { InMemoryStore } from './in-memory-store.js';

/**
 * Transactions run one at a time (serializable, like a single-writer database) and roll the store
 * back to its snapshot on Err or on a thrown defect.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: InMemoryStore,
    private readonly repositories: Repositories,
  ) {}

  run<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): ResultAsync<T, E> {
    const result = this.tail.then(async () => {
      const rollback = this.store.snapshot();
      try {
        const outcome = await work(this.repositories);
        if (outcome.isErr()) rollback();
        return outcome;
      } catch (defect) {
        rollback();
        throw defect;
      }
    });
    this.tail = result.catch(() => undefined);
    return new ResultAsync(result);
  }
}
