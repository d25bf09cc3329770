import type { JobId } from '@conduit/domain';
import type { AppDeps } from '../deps.js';

/** A job the queue gave up on (its retries spent on faults): it ends as failed, keeping what it applied. */
export const makeFailJob =
  (deps: Pick<AppDeps, 'repositories' | 'clock'>) =>
  async (id: JobId): Promise<void> => {
    await deps.repositories.jobs.finish(id, 'failed', deps.clock.now());
  };
