/** No such job, or not one the actor may see (a stranger's job does not exist for them). */
export type JobNotFound = { readonly type: 'JobNotFound'; readonly id: string };
/** A cancel of a job that has already ended some other way. */
export type JobAlreadyFinished = { readonly type: 'JobAlreadyFinished'; readonly id: string; readonly status: string };
/** The same `Idempotency-Key` with a different request: a client bug, never a silent second job. */
export type IdempotencyKeyReused = { readonly type: 'IdempotencyKeyReused'; readonly key: string };

export type JobError = JobNotFound | JobAlreadyFinished | IdempotencyKeyReused;
