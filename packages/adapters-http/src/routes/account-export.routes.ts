import type { UseCases } from '@conduit/app';
import { authenticatedRoute } from '../auth/route-auth.js';
import { presentSingleJob } from '../presenters/job.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { appProblem } from '../problems/app-problem.js';
import { AccountExportDocument } from '../schemas/account-export.schemas.js';
import { jobIdParam, SingleJobResponse } from '../schemas/job.schemas.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { jobHeaders } from './job-headers.js';
import { json, jsonHeaders } from './json-content.js';
import { useCaseContext } from './respond.js';
import { createRouter } from './router.js';

const tags = ['Jobs'];

const exportRoute = authenticatedRoute({
  method: 'post',
  path: '/user/export',
  operationId: 'CreateAccountExport',
  idempotencyKey: { none: 'an export changes nothing: a retry starts another export of the same data' },
  tags,
  summary: 'Export everything you made (profile, articles, comments, favorites, follows) as a job; no body needed',
  responses: {
    202: {
      description: 'Queued: poll the job; once it has succeeded, download its result for 24 hours',
      headers: {
        Location: { description: 'The job: GET it for its status.', schema: { type: 'string' as const } },
        'Retry-After': { description: 'Seconds before polling the job is worthwhile.', schema: { type: 'integer' as const } },
      },
      ...json(SingleJobResponse),
    },
    ...problemResponses(401, ...failureStatuses('submitAccountExport', ['FeatureDisabled'])),
  },
});

const resultRoute = authenticatedRoute({
  method: 'get',
  path: '/jobs/{jobId}/result',
  operationId: 'GetJobResult',
  tags,
  summary: "A finished export's document, for its owner only, for 24 hours after it ended",
  request: { params: jobIdParam },
  responses: {
    200: {
      description: 'The document (served as an attachment)',
      headers: {
        'Content-Disposition': { description: 'attachment; filename="conduit-export-….json"', schema: { type: 'string' as const } },
      },
      ...json(AccountExportDocument),
    },
    ...problemResponses(401, 422, ...failureStatuses('getJobResult', ['JobNotFound', 'JobNotFinished', 'JobResultNotFound'])),
  },
});

export const accountExportRouter = (useCases: UseCases) =>
  createRouter()
    .openapi(exportRoute, async (c) => {
      const result = await useCases.submitAccountExport(useCaseContext(c));
      if (result.isErr()) return appProblem(c, result.error);
      const { job } = result.value;
      return c.json(presentSingleJob(job), 202, { ...jsonHeaders(c), ...jobHeaders(job), Location: `/api/jobs/${job.id}` });
    })
    .openapi(resultRoute, async (c) => {
      const result = await useCases.getJobResult(useCaseContext(c), c.req.valid('param').jobId);
      if (result.isErr()) return appProblem(c, result.error);
      // The document as the job kept it: already JSON, sent as is rather than parsed and serialized again.
      const headers = {
        ...jsonHeaders(c),
        'Content-Disposition': `attachment; filename="conduit-export-${result.value.jobId}.json"`,
        'Cache-Control': 'private, no-store',
      };
      return c.body(result.value.document, 200, headers) as unknown as ReturnType<typeof c.json<never, 200>>;
    });
