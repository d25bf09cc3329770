import type { Result } from 'neverthrow';
import type { Authorized } from '../shared/authorized.js';
import type { UserId } from '../shared/ids.js';
import type { Job, JobId, JobStatus, JobType } from './job.js';

/** An `Idempotency-Key` and what identifies the request it came with (a hash of its body). */
export type Idempotency = { readonly key: string; readonly fingerprint: string };

/** A job of the same owner already holds the key (within the window): that job, with its request's fingerprint. */
export type KeyHeld = { readonly type: 'KeyHeld'; readonly job: Job; readonly fingerprint: string };

/**
 * Jobs and their items. A job is first an upload: its items are staged as they arrive, and it
 * becomes visible (queued) only once received whole; an upload cut short is discarded.
 */
export interface JobRepository {
  /** A new upload of `ownerId`, invisible to every read until `queue`. */
  open(upload: { readonly type: JobType; readonly ownerId: UserId; readonly createdAt: Date }): Promise<JobId>;
  /** Stages items of an upload, numbered from `first` (1-based), in order. */
  stage(id: JobId, first: number, items: readonly string[]): Promise<void>;
  /**
   * Makes a received upload a queued job of `total` items. With an idempotency key, claims it for
   * the owner (keys of the owner's jobs created before `keysSince` are released first); when a job
   * of the owner holds it already, nothing changes and that job comes back.
   */
  queue(id: JobId, total: number, idempotency: Idempotency | null, keysSince: Date): Promise<Result<Job, KeyHeld>>;
  /** Drops an upload and its staged items (received in part, or a duplicate of a job that exists). */
  discard(id: JobId): Promise<void>;
  /** Drops uploads opened before `cutoff` and never received whole (their server died mid-upload); how many. */
  discardUploadsBefore(cutoff: Date): Promise<number>;
  /** The owner's job that holds `key`, created at `since` or later, with its request's fingerprint. */
  findByIdempotencyKey(ownerId: UserId, key: string, since: Date): Promise<KeyHeld | null>;
  /** A queued or finished job (never an upload); null when none has this id. */
  findById(id: JobId): Promise<Job | null>;
  /** One owner's jobs (or everyone's, for null), newest first, and how many there are. */
  list(ownerId: UserId | null, page: { readonly limit: number; readonly offset: number }): Promise<{ jobs: Job[]; count: number }>;
  /** Up to `limit` staged items after position `after` (0 for the first), in order. */
  items(id: JobId, after: number, limit: number): Promise<string[]>;
  /** A queued job becomes running (a running one, resumed, keeps its first start); null when it is neither. */
  start(id: JobId, now: Date): Promise<Job | null>;
  /**
   * Saves a running job's progress, only if it still stands where `from` left it (as many items
   * applied, no cancel asked): false otherwise, and the caller's transaction must not commit. That
   * check is what applies each item exactly once, whoever else runs the job.
   */
  saveProgress(job: Job, from: Job): Promise<boolean>;
  /** Ends a job that has not ended (its staged items are dropped); null when it had ended already. */
  finish(id: JobId, status: Extract<JobStatus, 'succeeded' | 'failed' | 'canceled'>, now: Date): Promise<Job | null>;
  /** Asks a running job to stop (a queued one is canceled at once), with the cancel policy's proof; the job as it now stands. */
  requestCancel(id: JobId, now: Date, allowed: Authorized<'job:cancel'>): Promise<Job | null>;
  /** Statuses of every job, for the jobs-by-status gauge. */
  countByStatus(): Promise<Record<JobStatus, number>>;
}

/** Hands a queued job to the workers, in the caller's transaction: queued and announced commit together. */
export interface JobQueue {
  enqueue(id: JobId): Promise<void>;
}
