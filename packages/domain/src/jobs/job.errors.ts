import type { FieldErrors } from '../shared/text-rules.js';

/** No such job, or not one the actor may see (a stranger's job does not exist for them). */
export type JobNotFound = { readonly type: 'JobNotFound'; readonly id: string };
/** A cancel of a job that has already ended some other way. */
export type JobAlreadyFinished = { readonly type: 'JobAlreadyFinished'; readonly id: string; readonly status: string };
/** A worker's step that the job's state no longer allows (it ended, was handed back, or a cancel was asked). */
export type JobNotRunning = {
  readonly type: 'JobNotRunning';
  readonly id: string;
  readonly status: string;
  readonly cancelRequested: boolean;
};
/** The same `Idempotency-Key` with a different request: a client bug, never a silent second job. */
export type IdempotencyKeyReused = { readonly type: 'IdempotencyKeyReused'; readonly key: string };

/** An upload whose body cannot be read as items in its own format (JSON syntax, an NDJSON line that is not text). */
export type UploadMalformed = { readonly type: 'UploadMalformed' };
/** An upload with an item larger than any article can be (most likely items not split as the format says). */
export type UploadItemTooLarge = { readonly type: 'UploadItemTooLarge'; readonly item: number; readonly limitBytes: number };
/** An upload whose body holds no list of items: no items at all, or not a list. */
export type UploadInvalid = { readonly type: 'UploadInvalid'; readonly errors: FieldErrors };
/** Why an upload was refused before it became a job, whatever carried it. */
export type UploadRefused = UploadMalformed | UploadItemTooLarge | UploadInvalid;

/** The result of a job that has not ended yet: poll the job, then ask again. */
export type JobNotFinished = { readonly type: 'JobNotFinished'; readonly id: string; readonly status: string };
/** A job that produces no result (an import), or whose result has expired or was never made (it failed). */
export type JobResultNotFound = { readonly type: 'JobResultNotFound'; readonly id: string };

export type JobError = JobNotFound | JobAlreadyFinished | IdempotencyKeyReused | UploadRefused | JobNotFinished | JobResultNotFound;
