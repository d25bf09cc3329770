import type { ResultAsync } from 'neverthrow';
import type { ArticleRepository } from '../articles/article-repository.js';
import type { FavoriteRepository } from '../articles/favorite-repository.js';
import type { CommentRepository } from '../comments/comment-repository.js';
import type { JobQueue, JobRepository } from '../jobs/job-repository.js';
import type { FollowRepository } from '../users/follow-repository.js';
import type { UserRepository } from '../users/user-repository.js';

/** The repositories, bound to one transaction. */
export interface Repositories {
  readonly users: UserRepository;
  readonly follows: FollowRepository;
  readonly articles: ArticleRepository;
  readonly favorites: FavoriteRepository;
  readonly comments: CommentRepository;
  readonly jobs: JobRepository;
  /** Announces queued jobs to the workers when the transaction commits, and not before. */
  readonly jobQueue: JobQueue;
}

/**
 * Runs `work` in one transaction. The transaction commits when `work` resolves to Ok and rolls
 * back when it resolves to Err (expected failure) or rejects (defect, which is re-thrown).
 */
export interface UnitOfWork {
  run<T, E>(work: (repositories: Repositories) => ResultAsync<T, E>): ResultAsync<T, E>;
}
