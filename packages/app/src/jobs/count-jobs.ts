import type { JobStatus } from '@conduit/domain';
import type { AppDeps } from '../deps.js';

/** Jobs by status, for operators' gauges. */
export const makeCountJobs = (deps: Pick<AppDeps, 'repositories'>) => (): Promise<Record<JobStatus, number>> =>
  deps.repositories.jobs.countByStatus();
