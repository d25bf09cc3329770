import type { Job, JobNotFound, SystemActor, UserActor } from '@conduit/domain';
import type { ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AppDeps } from '../deps.js';
import { findJob } from './find-job.js';

/** A job's status, progress and item errors, for its owner, an admin or an operator. */
export const makeGetJob =
  (deps: Pick<AppDeps, 'repositories'>) =>
  (ctx: { readonly actor: UserActor | SystemActor }, id: string): ResultAsync<Job, JobNotFound> =>
    asyncResult(() => findJob(deps.repositories.jobs, ctx.actor, id));
