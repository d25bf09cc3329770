import {
  type CurrentDeadline,
  commitWithinDeadline,
  deadlineIn,
  type Repositories,
  type RequestScope,
  throwIfDeadlinePassed,
  type UnitOfWork,
} from '@conduit/domain';
import { DeadlockException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type Result, ResultAsync } from 'neverthrow';
import { type JobQueueSource, makePostgresRepositories } from './repositories/postgres-repositories.js';

/** Thrown inside the transaction callback only to make MikroORM roll back; never escapes. */
class RollbackForExpectedFailure extends Error {}

/** Attempts of one unit of work that PostgreSQL aborted to break a deadlock or a serialization conflict. */
const MAX_ATTEMPTS = 3;

/**
 * One transaction per unit of work. When PostgreSQL aborts it to break a deadlock (40P01) or a
 * serialization conflict (40001; MikroORM reports both as DeadlockException), the whole work runs
 * again from the start, reading afresh: the other transaction has won, and doing the work again is
 * what a client retrying would do, without the 500. The work is only database reads and writes
 * through the repositories, so running it again is safe.
 */
export type UnitOfWorkOptions = {
  /** Announces jobs (pg-boss); without it, announcing is a defect. */
  readonly queueIn?: JobQueueSource;
  /** The request scope: the work's deadline, and (with replicas) the sessions it starts. */
  readonly scope?: RequestScope;
  /** Runs after each commit, before the caller hears of it (with replicas: the sessions' write positions). */
  readonly afterCommit?: () => Promise<void>;
};

export class MikroOrmUnitOfWork implements UnitOfWork {
  private readonly queueIn: JobQueueSource | undefined;
  private readonly currentDeadline: CurrentDeadline;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: UnitOfWorkOptions = {},
  ) {
    this.queueIn = options.queueIn;
    this.currentDeadline = deadlineIn(options.scope);
  }

  run<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): ResultAsync<T, E> {
    return new ResultAsync(this.withRetries(() => this.transact(work)).then((outcome) => this.committed(outcome)));
  }

  /**
   * The write runs outside any transaction, so its one statement commits on its own. The
   * repositories' entity manager is handed out once: a second repository call would run in a
   * transaction of its own, not with the first, so it is refused as the defect it is.
   */
  runOneWrite<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): ResultAsync<T, E> {
    return new ResultAsync(
      this.withRetries(async () => {
        // Its one statement is its commit: once sent, only the database decides.
        commitWithinDeadline(this.currentDeadline);
        // The root manager: its Kysely sends the one statement on the pool (no identity map is used).
        const em = this.orm.em;
        let handedOut = false;
        const once = () => {
          if (handedOut) throw new Error('A unit of work of one write made a second repository call; run it as a transaction');
          handedOut = true;
          return em;
        };
        return work(makePostgresRepositories(once, this.queueIn, this.options.scope));
      }).then((outcome) => this.committed(outcome)),
    );
  }

  private async committed<T, E>(outcome: Result<T, E>): Promise<Result<T, E>> {
    if (outcome.isOk()) await this.options.afterCommit?.();
    return outcome;
  }

  private async withRetries<T, E>(attempt: () => Promise<Result<T, E>>): Promise<Result<T, E>> {
    for (let attempts = 1; ; attempts++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof DeadlockException) || attempts >= MAX_ATTEMPTS) throw error;
        // A short, random pause, so the two transactions do not collide again in lockstep.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempts));
      }
    }
  }

  private async transact<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): Promise<Result<T, E>> {
    let outcome: Result<T, E> | undefined;
    throwIfDeadlinePassed(this.currentDeadline);
    try {
      // transactional() forks the manager for the transaction itself; `clear` starts that fork with
      // an empty identity map, isolated from transactions running beside it.
      await this.orm.em.transactional(
        async (tx) => {
          outcome = await work(makePostgresRepositories(() => tx, this.queueIn, this.options.scope));
          if (outcome.isErr()) throw new RollbackForExpectedFailure();
          // The last moment to give up: past it the transaction commits, and its caller is told so.
          commitWithinDeadline(this.currentDeadline);
        },
        { clear: true },
      );
    } catch (error) {
      if (!(error instanceof RollbackForExpectedFailure)) throw error;
    }
    if (outcome === undefined) throw new Error('Unit of work finished without an outcome');
    return outcome;
  }
}
