import {
  canCancelJob,
  type Job,
  type JobAlreadyFinished,
  type JobNotFound,
  requestJobCancel,
  type SystemActor,
  type UserActor,
} from '@conduit/domain';
import { err, ok, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AppDeps } from '../deps.js';
import { advanceJob } from './advance-job.js';
import { findJob } from './find-job.js';

/** How often a cancel looks whether the running job has stopped. */
const SETTLE_POLL_MS = 50;

export type CancelJobOptions = {
  /**
   * How long to wait for a running job to stop (its worker honours the cancel before its next
   * batch, a fraction of a second away): the answer is then usually the final one. 0 answers at once.
   */
  readonly settleMs?: number;
};

/**
 * Cancels a job for its owner, an admin, or an operator: a queued job ends at once; a running one
 * stops before its next batch (what it applied stays), waited for up to `settleMs`, so the answer
 * may still say running. Canceling a canceled job is a no-op.
 */
export const makeCancelJob =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock'>) =>
  (
    ctx: { readonly actor: UserActor | SystemActor },
    id: string,
    options: CancelJobOptions = {},
  ): ResultAsync<Job, JobNotFound | JobAlreadyFinished> =>
    asyncResult(async () => {
      const { jobs } = deps.repositories;
      const found = await findJob(jobs, ctx.actor, id);
      if (found.isErr()) return err(found.error);
      const allowed = canCancelJob(ctx.actor, found.value);
      if (allowed.isErr()) return err(allowed.error);
      const canceled = await advanceJob(deps.unitOfWork, found.value.id, (job) => requestJobCancel(job, deps.clock.now(), allowed.value));
      if (canceled.isErr()) return err(canceled.error);
      let job = canceled.value;
      for (let waited = 0; job.status === 'running' && waited < (options.settleMs ?? 0); waited += SETTLE_POLL_MS) {
        await deps.clock.wait(SETTLE_POLL_MS);
        job = (await jobs.findById(job.id)) ?? job;
      }
      return ok(job);
    });
