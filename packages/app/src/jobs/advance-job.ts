import type { Job, JobChange, JobId, JobNotFound, UnitOfWork } from '@conduit/domain';
import { err, ok, type Result, ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';

/** Races lost in a row before giving up: a job has at most a cancel, a worker and a retry of each acting on it. */
const MAX_ATTEMPTS = 10;

/** Saves one transition in a transaction of its own: whether it won (the job still stood where the change started). */
export const saveJobChange = async (unitOfWork: UnitOfWork, change: JobChange): Promise<boolean> =>
  (await unitOfWork.run((repositories) => ResultAsync.fromSafePromise(repositories.jobs.save(change)))).unwrapOr(false); // its error type is never

/**
 * Moves a job by one of the domain's transitions, applied to the job as it stands and saved over
 * that state, in one transaction. Losing the race (the job moved in between) reads it again and
 * applies the transition to what it became, which may now refuse.
 */
export const advanceJob = async <E>(
  unitOfWork: UnitOfWork,
  id: JobId,
  transition: (job: Job) => Result<JobChange, E>,
): Promise<Result<Job, E | JobNotFound>> => {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const outcome = await unitOfWork.run((repositories) =>
      asyncResult(async (): Promise<Result<Result<Job, E | JobNotFound>, 'lost'>> => {
        const job = await repositories.jobs.findById(id);
        if (job === null) return ok(err({ type: 'JobNotFound', id }));
        const change = transition(job);
        if (change.isErr()) return ok(err(change.error));
        return change.value.to === job || (await repositories.jobs.save(change.value)) ? ok(ok(change.value.to)) : err('lost');
      }),
    );
    if (outcome.isOk()) return outcome.value;
  }
  throw new Error(`Job ${id} kept changing under ${MAX_ATTEMPTS} attempts to move it`);
};
