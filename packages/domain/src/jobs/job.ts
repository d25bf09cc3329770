import type { UserId } from '../shared/ids.js';
import type { FieldErrors } from '../shared/text-rules.js';

/** Jobs are named by a random UUID: their ids are given out before they exist and are not guessable. */
export type JobId = string & { readonly __brand: 'JobId' };
export const jobId = (value: string): JobId => value as JobId;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A job id written by a client: only a lowercase UUID names a job; anything else names none. */
export const parseJobId = (text: string): JobId | null => (UUID.test(text) ? jobId(text) : null);

/** article-import: articles applied from an upload; account-export: a document of everything a user made, kept for its owner. */
export const JOB_TYPES = ['article-import', 'account-export'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const isJobType = (value: string): value is JobType => JOB_TYPES.some((type) => type === value);

/**
 * queued: received whole, waiting for a worker; running: a worker is applying it; then one of the
 * three ends. `failed` is the job itself failing (retries exhausted on a fault), not its items:
 * a job whose items were refused still `succeeded`, with the refusals counted and listed.
 */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const isJobStatus = (value: string): value is JobStatus => JOB_STATUSES.some((status) => status === value);

/** Every status at 0: what counting jobs by status starts from. */
export const noJobsByStatus = (): Record<JobStatus, number> => ({ queued: 0, running: 0, succeeded: 0, failed: 0, canceled: 0 });

/** How long a job's result (an account export) can be downloaded after the job ends. */
export const JOB_RESULT_LIFETIME_MS = 24 * 3600 * 1000;

/** A refused item, numbered from 1 in the order given. */
export type ItemError = { readonly item: number; readonly errors: FieldErrors };

/** The item errors a job keeps; its counts stay exact beyond them. */
export const MAX_ITEM_ERRORS = 1_000;

export type Job = {
  readonly id: JobId;
  readonly type: JobType;
  readonly ownerId: UserId;
  readonly status: JobStatus;
  readonly total: number;
  readonly processed: number;
  readonly succeeded: number;
  readonly failed: number;
  /** The first `MAX_ITEM_ERRORS` refused items. */
  readonly errors: readonly ItemError[];
  /** Set by a cancel while running: the worker stops before its next batch is committed. */
  readonly cancelRequested: boolean;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
};

export const isFinished = (job: Pick<Job, 'status'>): boolean =>
  job.status === 'succeeded' || job.status === 'failed' || job.status === 'canceled';

/** What one committed batch did: how many items it took, how many became articles, which were refused. */
export type BatchOutcome = { readonly items: number; readonly written: number; readonly refused: readonly ItemError[] };
