import { ok } from 'neverthrow';
import { presentJobs, presentSingleJob } from '../presenters/job.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { jobHeaders } from '../routes/job-headers.js';
import { JobsQueryParams, jobIdParam, MultipleJobsResponse, SingleJobResponse } from '../schemas/job.schemas.js';
import { operation } from './operation.js';

const tags = ['Jobs'];

export const retryAfter = {
  'Retry-After': {
    description: 'Seconds before polling again is worthwhile, while the job has not ended.',
    schema: { type: 'integer' as const },
  },
};

/** Reading jobs; starting one is an import or an export, canceling one is in routes/jobs.routes.ts. */
export const jobOperations = [
  operation({
    auth: 'required',
    http: {
      method: 'get',
      path: '/jobs',
      operationId: 'GetJobs',
      tags,
      summary: 'Your jobs, newest first',
      status: 200,
      description: 'A page of jobs',
    },
    request: { query: JobsQueryParams },
    response: MultipleJobsResponse,
    failures: failureStatuses('listJobs', []),
    run: async (useCases, ctx, { limit, offset }) => ok(await useCases.listJobs(ctx, { limit, offset })),
    present: presentJobs,
  }),
  operation({
    auth: 'required',
    http: {
      method: 'get',
      path: '/jobs/{jobId}',
      operationId: 'GetJob',
      tags,
      summary: "A job's status, progress and item errors (its owner and admins; for anyone else it does not exist)",
      status: 200,
      description: 'The job',
      headers: { schema: retryAfter, of: jobHeaders },
    },
    request: { params: jobIdParam },
    response: SingleJobResponse,
    failures: failureStatuses('getJob', ['JobNotFound']),
    run: (useCases, ctx, { jobId }) => useCases.getJob(ctx, jobId),
    present: presentSingleJob,
    mcp: {
      name: 'get_job',
      title: 'Read a job',
      description:
        "One of the caller's jobs by id: status (queued, running, succeeded, failed, canceled), items processed, and the errors of refused items. JOB_NOT_FOUND for another user's job.",
      hints: { readOnlyHint: true },
    },
  }),
] as const;
