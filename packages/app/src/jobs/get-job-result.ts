import {
  canReadJobResult,
  isFinished,
  type JobNotFinished,
  type JobNotFound,
  type JobResultNotFound,
  type UserActor,
} from '@conduit/domain';
import { err, ok, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AppDeps } from '../deps.js';
import { findJob } from './find-job.js';

export type JobResultView = { readonly jobId: string; readonly type: string; readonly document: string };

/** A finished job's result (an account export's document), for the job's owner only, until it expires. */
export const makeGetJobResult =
  (deps: Pick<AppDeps, 'repositories' | 'clock'>) =>
  (ctx: { readonly actor: UserActor }, id: string): ResultAsync<JobResultView, JobNotFound | JobNotFinished | JobResultNotFound> =>
    asyncResult(async () => {
      const found = (await findJob(deps.repositories.jobs, ctx.actor, id)).andThen((job) => canReadJobResult(ctx.actor, job));
      if (found.isErr()) return err(found.error);
      const job = found.value;
      if (!isFinished(job)) return err({ type: 'JobNotFinished', id: job.id, status: job.status } as const);
      const document = await deps.repositories.jobResults.find(job.id, deps.clock.now());
      return document === null ? err({ type: 'JobResultNotFound', id: job.id } as const) : ok({ jobId: job.id, type: job.type, document });
    });
