import type { UseCases } from '@conduit/app';
import { authenticatedRoute } from '../auth/route-auth.js';
import { ACCEPTED_IMPORT_MEDIA_TYPES, importBody, importMediaType } from '../imports/import-body.js';
import { presentSingleJob } from '../presenters/job.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { appProblem } from '../problems/app-problem.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import { idempotentReplayedHeader } from '../schemas/idempotency.schemas.js';
import { ImportHeaders, importBodyContent, SingleJobResponse } from '../schemas/job.schemas.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { jobHeaders } from './job-headers.js';
import { json, jsonHeaders } from './json-content.js';
import { useCaseContext } from './respond.js';
import { createRouter } from './router.js';

export const IMPORTS_PATH = '/api/articles/imports';

const importArticlesRoute = authenticatedRoute({
  method: 'post',
  path: '/articles/imports',
  operationId: 'CreateArticleImport',
  idempotencyKey: { none: 'its key is kept with the job it creates, and a retry gets the job as it is now' },
  tags: ['Jobs'],
  summary: 'Import many articles as a job: answered at once with 202 and the job to poll',
  description:
    "The body is streamed (its own size limit, IMPORT_BODY_LIMIT_BYTES; 413 beyond it) and each item is checked when the job runs, by the rules of POST /api/articles: an invalid item is listed in the job's errors and the job goes on.",
  request: { headers: ImportHeaders, body: { content: importBodyContent, required: true } },
  responses: {
    202: {
      description: 'Received whole and queued (or, for a repeated Idempotency-Key, the job it created)',
      headers: {
        Location: { description: 'The job: GET it for status and progress.', schema: { type: 'string' as const } },
        'Retry-After': {
          description: 'Seconds before polling the job is worthwhile, while it has not ended.',
          schema: { type: 'integer' as const },
        },
        ...idempotentReplayedHeader,
      },
      ...json(SingleJobResponse),
    },
    ...problemResponses(
      401,
      415,
      422,
      ...failureStatuses('submitArticleImport', [
        'IdempotencyKeyReused',
        'UploadMalformed',
        'UploadItemTooLarge',
        'UploadInvalid',
        'FeatureDisabled',
      ]),
    ),
  },
});

export const importsRouter = (useCases: UseCases) =>
  createRouter().openapi(importArticlesRoute, async (c) => {
    const mediaType = importMediaType(c.req.header('Content-Type'));
    if (mediaType === null) return problemResponse(c, edgeProblems.unsupportedMediaType(ACCEPTED_IMPORT_MEDIA_TYPES));
    const key = c.req.valid('header')['idempotency-key'];
    // A missing body reads as an empty one (no items: 422).
    const body = importBody(c.req.raw.body ?? (async function* () {})(), mediaType);
    const result = await useCases.submitArticleImport(useCaseContext(c), {
      items: body.items,
      ...(key === undefined ? {} : { idempotency: { key, fingerprint: body.fingerprint } }),
    });
    if (result.isErr()) return appProblem(c, result.error);
    const { job, replayed } = result.value;
    return c.json(presentSingleJob(job), 202, {
      ...jsonHeaders(c),
      ...jobHeaders(job),
      Location: `/api/jobs/${job.id}`,
      ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
  });
