import { err, ok, type Result } from 'neverthrow';
import { type Authorized, assertAuthorized } from '../shared/authorized.js';
import type { JobAlreadyFinished, JobNotRunning } from './job.errors.js';
import { type BatchOutcome, isFinished, type Job, MAX_ITEM_ERRORS } from './job.js';

/*
 * The life of a job, as pure functions: each takes the job as it stands and returns the job it
 * becomes, or why it cannot. Adapters only persist the result, and only over the state it was
 * computed from (a compare-and-set save), so two processes acting on one job never both win.
 *
 *   queued ──start──▶ running ──succeed──▶ succeeded
 *     │  ▲              │ │ └──record batch (progress)
 *     │  └──hand back───┘ ├──request cancel (flag) ──end canceled──▶ canceled
 *     └─request cancel────┼─────────────────────────────────▶ canceled
 *     └─fail──────────────┴──fail──▶ failed
 */

declare const madeByTransition: unique symbol;

/**
 * A job's step from one state to the next. Only the transitions below make one, and it is all
 * `JobRepository.save` takes: a job changes only by the rules (and, for a cancel, with the policy's
 * proof), whoever drives it.
 */
export type JobChange = { readonly from: Job; readonly to: Job; readonly [madeByTransition]: true };

const step = (from: Job, to: Job): JobChange => ({ from, to }) as JobChange;

const alreadyFinished = (job: Job): JobAlreadyFinished => ({ type: 'JobAlreadyFinished', id: job.id, status: job.status });
const notRunning = (job: Job): JobNotRunning => ({
  type: 'JobNotRunning',
  id: job.id,
  status: job.status,
  cancelRequested: job.cancelRequested,
});

/** A worker takes a queued job (or resumes one that was running when its worker stopped): its first start is kept. */
export const startJob = (job: Job, now: Date): Result<JobChange, JobAlreadyFinished> =>
  isFinished(job) ? err(alreadyFinished(job)) : ok(step(job, { ...job, status: 'running', startedAt: job.startedAt ?? now }));

/** A running job, stopped between batches (shutdown), waits in the queue again with what it applied. */
export const handBackJob = (job: Job): Result<JobChange, JobNotRunning> =>
  job.status === 'running' ? ok(step(job, { ...job, status: 'queued' })) : err(notRunning(job));

/**
 * One more committed batch: counts exact, the error list bounded. Only a running job with no
 * cancel asked takes progress: a cancel is honoured before the next batch, never after it.
 */
export const recordBatch = (job: Job, batch: BatchOutcome): Result<JobChange, JobNotRunning> =>
  job.status !== 'running' || job.cancelRequested
    ? err(notRunning(job))
    : ok(
        step(job, {
          ...job,
          processed: job.processed + batch.items,
          succeeded: job.succeeded + batch.written,
          failed: job.failed + batch.refused.length,
          errors:
            job.errors.length >= MAX_ITEM_ERRORS
              ? job.errors
              : [...job.errors, ...batch.refused.slice(0, MAX_ITEM_ERRORS - job.errors.length)],
        }),
      );

/**
 * A cancel, with the cancel policy's proof: a queued job has nothing under way and ends at once; a
 * running one is flagged, and its worker stops before its next batch. Canceling a canceled job
 * changes nothing; one that ended otherwise is refused.
 */
export const requestJobCancel = (job: Job, now: Date, allowed: Authorized<'job:cancel'>): Result<JobChange, JobAlreadyFinished> => {
  assertAuthorized(allowed, 'job:cancel', job.id);
  if (job.status === 'canceled') return ok(step(job, job));
  if (isFinished(job)) return err(alreadyFinished(job));
  return ok(
    step(
      job,
      job.status === 'queued' ? { ...job, cancelRequested: true, status: 'canceled', finishedAt: now } : { ...job, cancelRequested: true },
    ),
  );
};

/** The worker honours a cancel that was asked: the job ends, keeping what it applied. */
export const endCanceledJob = (job: Job, now: Date): Result<JobChange, JobNotRunning> =>
  isFinished(job) || !job.cancelRequested ? err(notRunning(job)) : ok(step(job, { ...job, status: 'canceled', finishedAt: now }));

/** Every item applied (or refused): the job succeeded, whatever its items' verdicts. A cancel asked first wins. */
export const succeedJob = (job: Job, now: Date): Result<JobChange, JobNotRunning> =>
  job.status !== 'running' || job.cancelRequested ? err(notRunning(job)) : ok(step(job, { ...job, status: 'succeeded', finishedAt: now }));

/** The job itself failed (its owner is gone, or the queue gave up on faults): it ends, keeping what it applied. */
export const failJob = (job: Job, now: Date): Result<JobChange, JobAlreadyFinished> =>
  isFinished(job) ? err(alreadyFinished(job)) : ok(step(job, { ...job, status: 'failed', finishedAt: now }));
