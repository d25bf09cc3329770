import type { Result } from 'neverthrow';
import type { UserId } from '../shared/ids.js';
import type { Job, JobId, JobStatus, JobType } from './job.js';
import type { JobChange } from './job-transitions.js';

/** An `Idempotency-Key` and what identifies the request it came with (a hash of its body). */
export type Idempotency = { readonly key: string; readonly fingerprint: string };

/** A job of the same owner already holds the key (within the window): that job, with its request's fingerprint. */
export type KeyHeld = { readonly type: 'KeyHeld'; readonly job: Job; readonly fingerprint: string };

/**
 * Uploads: a job before it exists. Its items are staged as they arrive (`JobItemRepository`), and
 * it becomes a queued job only once received whole; an upload cut short is discarded.
 */
export interface JobUploadRepository {
  /** A new upload of `ownerId`, invisible to every read until `queue`. */
  open(upload: { readonly type: JobType; readonly ownerId: UserId; readonly createdAt: Date }): Promise<JobId>;
  /**
   * Makes a received upload a queued job of `total` items. With an idempotency key, claims it for
   * the owner (keys of the owner's jobs created before `keysSince` are released first); when a job
   * of the owner holds it already, nothing changes and that job comes back.
   */
  queue(id: JobId, total: number, idempotency: Idempotency | null, keysSince: Date): Promise<Result<Job, KeyHeld>>;
  /** Drops an upload and its staged items (received in part, or a duplicate of a job that exists). */
  discard(id: JobId): Promise<void>;
  /** Drops uploads opened before `cutoff` and never received whole (their server died mid-upload); how many. */
  discardBefore(cutoff: Date): Promise<number>;
  /** The owner's job that holds `key`, created at `since` or later, with its request's fingerprint. */
  findByIdempotencyKey(ownerId: UserId, key: string, since: Date): Promise<KeyHeld | null>;
}

/** A job's items, as received: staged while its upload arrives, read in order by its worker, dropped when it ends. */
export interface JobItemRepository {
  /** Stages items of an upload, numbered from `first` (1-based), in order. */
  stage(id: JobId, first: number, items: readonly string[]): Promise<void>;
  /** Up to `limit` items after position `after` (0 for the first), in order; none once the job has ended. */
  read(id: JobId, after: number, limit: number): Promise<string[]>;
}

/**
 * Queued and finished jobs (never uploads). A job changes only through the domain's transitions
 * (job-transitions.ts), saved here over the state they were computed from.
 */
export interface JobRepository {
  /** The job; null when none has this id. */
  findById(id: JobId): Promise<Job | null>;
  /** One owner's jobs (or everyone's, for null), newest first, and how many there are. */
  list(ownerId: UserId | null, page: { readonly limit: number; readonly offset: number }): Promise<{ jobs: Job[]; count: number }>;
  /**
   * Compare-and-set: saves the change's `to` only if the stored job still stands where its `from`
   * left it (same status, as many items applied, the same cancel flag); false otherwise, and nothing
   * changed. The items of a job saved as ended are dropped. That check is what applies each item
   * exactly once and lets a cancel, a worker and a retry of either race safely.
   */
  save(change: JobChange): Promise<boolean>;
  /** Statuses of every job, for the jobs-by-status gauge. */
  countByStatus(): Promise<Record<JobStatus, number>>;
}

/** Hands a queued job to the workers, in the caller's transaction: queued and announced commit together. */
export interface JobQueue {
  enqueue(id: JobId): Promise<void>;
}

/** What a finished job produced (an account export's document), kept until it expires. */
export interface JobResultRepository {
  /** Keeps the job's result until `expiresAt`; in the transaction that ends the job. */
  save(id: JobId, document: string, expiresAt: Date): Promise<void>;
  /** The job's result; null when it has none, or it expired before `now`. */
  find(id: JobId, now: Date): Promise<string | null>;
  /** Forgets results that expired before `now`; how many. */
  forgetExpired(now: Date): Promise<number>;
}
