import {
  canManageJob,
  type Job,
  type JobNotFound,
  type JobRepository,
  parseJobId,
  type SystemActor,
  type UserActor,
} from '@conduit/domain';
import { err, type Result } from 'neverthrow';

/** The job an id names, if the actor may see it: a malformed id, an unknown one and a stranger's all read as not found. */
export const findJob = async (jobs: JobRepository, actor: UserActor | SystemActor, idText: string): Promise<Result<Job, JobNotFound>> => {
  const id = parseJobId(idText);
  const job = id === null ? null : await jobs.findById(id);
  return job === null ? err({ type: 'JobNotFound', id: idText }) : canManageJob(actor, job);
};
