import { err, ok, type Result } from 'neverthrow';
import { isAdmin, type SystemActor, type UserActor } from '../shared/actor.js';
import { type Authorized, grant } from '../shared/authorized.js';
import type { JobNotFound } from './job.errors.js';
import type { Job } from './job.js';

/**
 * A job is its owner's, and admins see and cancel every job (support, moderation). To anyone else
 * it does not exist: the answer is the same as for an id that names nothing, so ids cannot be probed.
 * Operators at the command line manage every job.
 */
export const canManageJob = (actor: UserActor | SystemActor, job: Job): Result<Job, JobNotFound> =>
  actor.kind === 'system' || actor.userId === job.ownerId || isAdmin(actor) ? ok(job) : err({ type: 'JobNotFound', id: job.id });

/** Whoever may manage a job may cancel it: the proof the cancel write takes. */
export const canCancelJob = (actor: UserActor | SystemActor, job: Job): Result<Authorized<'job:cancel'>, JobNotFound> =>
  canManageJob(actor, job).map(() => grant('job:cancel', job.id));

/**
 * A job's result (an account export: personal data) is for its owner alone; admins, who manage every
 * job, do not read it. For anyone else the job does not exist, as above.
 */
export const canReadJobResult = (actor: UserActor, job: Job): Result<Job, JobNotFound> =>
  actor.userId === job.ownerId ? ok(job) : err({ type: 'JobNotFound', id: job.id });
