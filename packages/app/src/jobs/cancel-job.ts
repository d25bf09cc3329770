import {
  canCancelJob,
  isFinished,
  type Job,
  type JobAlreadyFinished,
  type JobNotFound,
  type SystemActor,
  type UserActor,
} from '@conduit/domain';
import { err, ok, type Result, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AppDeps } from '../deps.js';
import { findJob } from './find-job.js';

/** As the job now stands: canceled already (again: the same answer), or refused for one that ended otherwise. */
const afterCancel = (job: Job): Result<Job, JobAlreadyFinished> =>
  !isFinished(job) || job.status === 'canceled' ? ok(job) : err({ type: 'JobAlreadyFinished', id: job.id, status: job.status });

/**
 * Cancels a job for its owner, an admin, or an operator: a queued job ends at once; a running one
 * stops at its next batch (what it applied stays), so the answer may still say running. Canceling
 * a canceled job is a no-op.
 */
export const makeCancelJob =
  (deps: Pick<AppDeps, 'repositories' | 'clock'>) =>
  (ctx: { readonly actor: UserActor | SystemActor }, id: string): ResultAsync<Job, JobNotFound | JobAlreadyFinished> =>
    asyncResult(async () => {
      const { jobs } = deps.repositories;
      const found = await findJob(jobs, ctx.actor, id);
      if (found.isErr() || isFinished(found.value)) return found.andThen(afterCancel);
      const allowed = canCancelJob(ctx.actor, found.value);
      if (allowed.isErr()) return err(allowed.error);
      const job = (await jobs.requestCancel(found.value.id, deps.clock.now(), allowed.value)) ?? (await jobs.findById(found.value.id));
      return job === null ? err({ type: 'JobNotFound', id }) : afterCancel(job);
    });
