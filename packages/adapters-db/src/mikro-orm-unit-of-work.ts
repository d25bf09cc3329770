import type { Repositories, UnitOfWork } from '@conduit/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type Result, ResultAsync } from 'neverthrow';
import { makeMikroOrmRepositories } from './repositories/mikro-orm-repositories.js';

/** Thrown inside the transaction callback only to make MikroORM roll back; never escapes. */
class RollbackForExpectedFailure extends Error {}

export class MikroOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly orm: MikroORM) {}

  run<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): ResultAsync<T, E> {
    return new ResultAsync(this.transact(work));
  }

  private async transact<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): Promise<Result<T, E>> {
    let outcome: Result<T, E> | undefined;
    try {
      await this.orm.em.fork().transactional(async (tx) => {
        outcome = await work(makeMikroOrmRepositories(() => tx));
        if (outcome.isErr()) throw new RollbackForExpectedFailure();
      });
    } catch (error) {
      if (!(error instanceof RollbackForExpectedFailure)) throw error;
    }
    if (outcome === undefined) throw new Error('Unit of work finished without an outcome');
    return outcome;
  }
}
