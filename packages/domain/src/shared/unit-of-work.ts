import type { ResultAsync } from 'neverthrow';
import type { ArticleRepository } from '../articles/article-repository.js';
import type { FavoriteRepository } from '../articles/favorite-repository.js';
import type { CommentRepository } from '../comments/comment-repository.js';
import type { JobItemRepository, JobQueue, JobRepository, JobResultRepository, JobUploadRepository } from '../jobs/job-repository.js';
import type { SessionRepository } from '../sessions/session-repository.js';
import type { FollowRepository } from '../users/follow-repository.js';
import type { UserRepository } from '../users/user-repository.js';
import type { CurrentIdempotencyClaim, IdempotencyKeyRepository } from './idempotency.js';

/** The repositories, bound to one transaction. */
export interface Repositories {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly follows: FollowRepository;
  readonly articles: ArticleRepository;
  readonly favorites: FavoriteRepository;
  readonly comments: CommentRepository;
  readonly jobs: JobRepository;
  readonly jobUploads: JobUploadRepository;
  readonly jobItems: JobItemRepository;
  readonly jobResults: JobResultRepository;
  /** Announces queued jobs to the workers when the transaction commits, and not before. */
  readonly jobQueue: JobQueue;
  /** Idempotency keys of writes, claimed in the write's own transaction. */
  readonly idempotencyKeys: IdempotencyKeyRepository;
}

/**
 * A point in time past which work is no longer wanted, as an `AbortSignal` is. `committing` is told
 * by a unit of work as it passes its point of no return (its COMMIT, or its one write, is about to
 * be sent): from then on only the database decides whether it is applied, so whoever answers at the
 * deadline cannot say it was not; `pastCommitPoint` says it was told, after which the work is
 * finished however late (a write that committed reads back what it wrote).
 */
export type Deadline = {
  readonly aborted: boolean;
  readonly reason?: unknown;
  readonly committing?: () => void;
  readonly pastCommitPoint?: boolean;
};

/**
 * The deadline of whatever the current unit of work runs for (a request's budget), if it has one.
 * Supplied by the composition root; a batch script or a job worker has none.
 */
export type CurrentDeadline = () => Deadline | undefined;

/** What the units of work of a request honour, read from its scope: its deadline and its idempotency key. */
export type UnitOfWorkScope = {
  readonly currentDeadline?: CurrentDeadline;
  readonly currentIdempotencyClaim?: CurrentIdempotencyClaim;
};

/**
 * Runs `work` in one transaction. The transaction commits when `work` resolves to Ok and rolls
 * back when it resolves to Err (expected failure) or rejects (defect, which is re-thrown).
 * Once the current deadline has passed, the work is not started, or, when it has run, rolled
 * back instead of committed, and the deadline's reason is thrown: a caller told "too late" can
 * trust that nothing was applied, and work that committed is always reported as done, however late.
 */
export interface UnitOfWork {
  run<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): ResultAsync<T, E>;
  /**
   * Runs `work` that makes exactly one repository call, a write that is atomic on its own (one
   * statement on PostgreSQL), without opening a transaction around it: BEGIN and COMMIT would be two
   * more round trips and would hold the write's locks while they travel. The deadline is checked
   * before the write, as for `run`; once sent, the write is applied or not as a whole. A second
   * repository call in `work` is a defect. With an idempotency key, the write runs as `run` does,
   * since the key's claim must commit with it.
   */
  runOneWrite<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): ResultAsync<T, E>;
}

/** Throws the deadline's reason once it has passed (see UnitOfWork). */
export const throwIfDeadlinePassed = (currentDeadline: CurrentDeadline | undefined): void => {
  const deadline = currentDeadline?.();
  if (deadline?.aborted) throw deadline.reason;
};

/**
 * The last check before the point of no return: throws past the deadline, else tells the deadline
 * that the work is now committing (see Deadline), in the same turn, so no deadline falls between.
 */
export const commitWithinDeadline = (currentDeadline: CurrentDeadline | undefined): void => {
  throwIfDeadlinePassed(currentDeadline);
  currentDeadline?.()?.committing?.();
};
