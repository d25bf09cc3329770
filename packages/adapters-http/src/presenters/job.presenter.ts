import type { Job } from '@conduit/domain';
import type { z } from '@hono/zod-openapi';
import type { JobJson, MultipleJobsResponse, SingleJobResponse } from '../schemas/job.schemas.js';

const presentJob = (job: Job): z.infer<typeof JobJson> => ({
  id: job.id,
  type: job.type,
  status: job.status,
  total: job.total,
  processed: job.processed,
  succeeded: job.succeeded,
  failed: job.failed,
  errors: job.errors.map((error) => ({ item: error.item, errors: error.errors })),
  createdAt: job.createdAt.toISOString(),
  startedAt: job.startedAt?.toISOString() ?? null,
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

export const presentSingleJob = (job: Job): z.infer<typeof SingleJobResponse> => ({ job: presentJob(job) });

export const presentJobs = (page: { jobs: readonly Job[]; count: number }): z.infer<typeof MultipleJobsResponse> => ({
  jobs: page.jobs.map(presentJob),
  jobsCount: page.count,
});
