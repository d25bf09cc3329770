import { failJob, type JobId } from '@conduit/domain';
import type { AppDeps } from '../deps.js';
import { advanceJob } from './advance-job.js';

/** A job the queue gave up on (its retries spent on faults): it ends as failed, keeping what it applied. */
export const makeFailJob =
  (deps: Pick<AppDeps, 'unitOfWork' | 'clock'>) =>
  async (id: JobId): Promise<void> => {
    const failed = await advanceJob(deps.unitOfWork, id, (job) => failJob(job, deps.clock.now()));
    // One that ended meanwhile (or is gone) stays as it is.
    if (failed.isErr()) return;
  };
