import type { UseCases } from '@conduit/app';
import { authenticatedRoute } from '../auth/route-auth.js';
import { retryAfter } from '../operations/job-operations.js';
import { presentSingleJob } from '../presenters/job.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { appProblem } from '../problems/app-problem.js';
import { jobIdParam, SingleJobResponse } from '../schemas/job.schemas.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { jobHeaders } from './job-headers.js';
import { json, jsonHeaders } from './json-content.js';
import { useCaseContext } from './respond.js';
import { createRouter } from './router.js';

/** Declared by hand: it has two successes, 200 or 202, chosen by the job's state when the wait ends. */
const cancelJobRoute = authenticatedRoute({
  method: 'post',
  path: '/jobs/{jobId}/cancel',
  operationId: 'CancelJob',
  idempotencyKey: { none: 'a cancel is idempotent: a retry cancels nothing twice and answers with the job as it is now' },
  tags: ['Jobs'],
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
  createRouter().openapi(cancelJobRoute, async (c) => {
    // The use case waits (within the request's budget) for a running job's worker to stop it, so
    // the answer is usually the final one; 202 if it is still running.
    const result = await useCases.cancelJob(useCaseContext(c), c.req.valid('param').jobId, { settleMs: options.cancelSettleMs });
    if (result.isErr()) return appProblem(c, result.error);
    const job = result.value;
    return job.status === 'canceled'
      ? c.json(presentSingleJob(job), 200, jsonHeaders(c))
      : c.json(presentSingleJob(job), 202, { ...jsonHeaders(c), ...jobHeaders(job) });
  });
