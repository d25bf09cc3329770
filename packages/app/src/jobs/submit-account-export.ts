import { IDEMPOTENCY_WINDOW_MS, type Job } from '@conduit/domain';
import { err, ok, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { FeatureDisabled } from '../features.js';
import type { SubmittedJob } from './submit-article-import.js';

/**
 * Starts an export of everything the caller made, as a job (a large account takes longer than a
 * request may): queued and announced to the workers in one transaction. Its result is a JSON
 * document its owner may download for JOB_RESULT_LIFETIME_MS after it ends. Refused while account
 * exports are closed at the publication.
 */
export const makeSubmitAccountExport =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock'>) =>
  (ctx: AuthenticatedContext): ResultAsync<SubmittedJob, FeatureDisabled> =>
    asyncResult(async () => {
      if (!(await ctx.features.enabled('account-export'))) return err({ type: 'FeatureDisabled', feature: 'account-export' } as const);
      const now = deps.clock.now();
      const id = await deps.repositories.jobUploads.open({ type: 'account-export', ownerId: ctx.actor.userId, createdAt: now });
      const keysSince = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
      return deps.unitOfWork
        .run((repositories) =>
          asyncResult<Job, never>(async () => {
            // One item: the document. Without a key, no other job can hold one.
            const job = await repositories.jobUploads.queue(id, 1, null, keysSince);
            if (job.isErr()) throw new Error(`export job ${id} was refused a key it did not ask for`);
            await repositories.jobQueue.enqueue(id);
            return ok(job.value);
          }),
        )
        .map((job) => ({ job, replayed: false }));
    });
