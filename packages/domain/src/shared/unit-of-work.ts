import type { ResultAsync } from 'neverthrow';
import type { ArticleRepository } from '../articles/article-repository.js';
import type { FavoriteRepository } from '../articles/favorite-repository.js';
import type { CommentRepository } from '../comments/comment-repository.js';
import type { FlagRepository } from '../flags/flag-repository.js';
import type { JobItemRepository, JobQueue, JobRepository, JobResultRepository, JobUploadRepository } from '../jobs/job-repository.js';
import type { SessionRepository } from '../sessions/session-repository.js';
import type { FollowRepository } from '../users/follow-repository.js';
import type { UserRepository } from '../users/user-repository.js';
import type { CurrentDeadline } from './deadline.js';
import type { IdempotencyKeyRepository } from './idempotency.js';
import type { RequestScope } from './request-scope.js';

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
  /** The publication's flag settings and the record of their changes (announced to every process at commit). */
  readonly flags: FlagRepository;
}

/** Where units of work read what they honour: the current work's deadline and idempotency key. */
export type UnitOfWorkScope = { readonly scope?: RequestScope };

/** The current work's deadline, as a unit of work reads it (none without a scope). */
export const deadlineIn =
  (scope: RequestScope | undefined): CurrentDeadline =>
  () =>
    scope?.current().progress.deadline;

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
