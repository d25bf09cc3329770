import { type CurrentDeadline, commitWithinDeadline, type Repositories, throwIfDeadlinePassed, type UnitOfWork } from '@conduit/domain';
import { ResultAsync } from 'neverthrow';
import type { InMemoryStore } from './in-memory-store.js';

/**
 * Transactions run one at a time (serializable, like a single-writer database) and roll the store
 * back to its snapshot on Err, on a thrown defect, or when the deadline passed before the commit.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: InMemoryStore,
    private readonly repositories: Repositories,
    private readonly currentDeadline?: CurrentDeadline,
  ) {}

  run<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): ResultAsync<T, E> {
    const result = this.tail.then(async () => {
      throwIfDeadlinePassed(this.currentDeadline);
      const rollback = this.store.snapshot();
      try {
        const outcome = await work(this.repositories);
        if (outcome.isErr()) rollback();
        else commitWithinDeadline(this.currentDeadline);
        return outcome;
      } catch (defect) {
        rollback();
        throw defect;
      }
    });
    this.tail = result.catch(() => undefined);
    return new ResultAsync(result);
  }

  /** One write is a transaction of one here: the store has no round trips to save. */
  runOneWrite<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): ResultAsync<T, E> {
    return this.run(work);
  }
}
