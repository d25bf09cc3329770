import { boundedPage, type Job, type SystemActor, type UserActor } from '@conduit/domain';
import type { AppDeps } from '../deps.js';
import type { PageRequest } from '../read-models/queries.js';

/** A user's own jobs (admins find others' by id); every job for an operator. Newest first. */
export const makeListJobs =
  (deps: Pick<AppDeps, 'repositories'>) =>
  (ctx: { readonly actor: UserActor | SystemActor }, page: PageRequest): Promise<{ jobs: Job[]; count: number }> =>
    deps.repositories.jobs.list(ctx.actor.kind === 'user' ? ctx.actor.userId : null, boundedPage(page));
