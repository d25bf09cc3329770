import type { UseCases } from '@conduit/app';
import { authenticatedRoute } from '../auth/route-auth.js';
import { presentJobs, presentSingleJob } from '../presenters/job.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { appProblem } from '../problems/app-problem.js';
import { JobsQueryParams, jobIdParam, MultipleJobsResponse, SingleJobResponse } from '../schemas/job.schemas.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { jobHeaders } from './job-headers.js';
import { json, jsonHeaders } from './json-content.js';
import { respond, useCaseContext } from './respond.js';
import { createRouter } from './router.js';

const tags = ['Jobs'];
const retryAfter = {
  'Retry-After': {
    description: 'Seconds before polling again is worthwhile, while the job has not ended.',
    schema: { type: 'integer' as const },
  },
};

const listJobsRoute = authenticatedRoute({
  method: 'get',
  path: '/jobs',
  operationId: 'GetJobs',
  tags,
  summary: 'Your jobs, newest first',
  request: { query: JobsQueryParams },
  responses: {
    200: { description: 'A page of jobs', ...json(MultipleJobsResponse) },
    ...problemResponses(401, 422),
  },
});

const getJobRoute = authenticatedRoute({
  method: 'get',
  path: '/jobs/{jobId}',
  operationId: 'GetJob',
  tags,
  summary: "A job's status, progress and item errors (its owner and admins; for anyone else it does not exist)",
  request: { params: jobIdParam },
  responses: {
    200: { description: 'The job', headers: retryAfter, ...json(SingleJobResponse) },
    ...problemResponses(401, 422, ...failureStatuses('getJob', ['JobNotFound'])),
  },
});

const cancelJobRoute = authenticatedRoute({
  method: 'post',
  path: '/jobs/{jobId}/cancel',
  operationId: 'CancelJob',
  idempotencyKey: { none: 'a cancel is idempotent: a retry cancels nothing twice and answers with the job as it is now' },
  tags,
  summary: 'Cancel a job: what it applied stays; canceling a canceled job is a no-op (no body needed)',
  request: { params: jobIdParam },
  responses: {
    200: {
      description: 'Canceled: a queued job at once, a running one at its next batch (waited for, up to a second)',
      ...json(SingleJobResponse),
    },
    202: {
      description: 'Still running a second after the cancel (no worker has it now): it stops before its next batch; poll it',
      headers: retryAfter,
      ...json(SingleJobResponse),
    },
    ...problemResponses(401, 422, ...failureStatuses('cancelJob', ['JobNotFound', 'JobAlreadyFinished'])),
  },
});

/** `cancelSettleMs`: how long a cancel waits for a running job to stop; well inside the request's budget. */
export const jobsRouter = (useCases: UseCases, options: { readonly cancelSettleMs: number }) =>
  createRouter()
    .openapi(listJobsRoute, async (c) => {
      const { limit, offset } = c.req.valid('query');
      return c.json(presentJobs(await useCases.listJobs(useCaseContext(c), { limit, offset })), 200, jsonHeaders(c));
    })
    .openapi(getJobRoute, async (c) => {
      const result = await useCases.getJob(useCaseContext(c), c.req.valid('param').jobId);
      if (result.isOk()) for (const [name, value] of Object.entries(jobHeaders(result.value))) c.header(name, value);
      return respond(c, result, presentSingleJob, 200);
    })
    .openapi(cancelJobRoute, async (c) => {
      // The use case waits (within the request's budget) for a running job's worker to stop it, so
      // the answer is usually the final one; 202 if it is still running.
      const result = await useCases.cancelJob(useCaseContext(c), c.req.valid('param').jobId, { settleMs: options.cancelSettleMs });
      if (result.isErr()) return appProblem(c, result.error);
      const job = result.value;
      return job.status === 'canceled'
        ? c.json(presentSingleJob(job), 200, jsonHeaders(c))
        : c.json(presentSingleJob(job), 202, { ...jsonHeaders(c), ...jobHeaders(job) });
    });
