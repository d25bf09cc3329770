import { JOB_STATUSES, JOB_TYPES, MAX_ITEM_ERRORS } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { pageQuery, stringField } from './fields.js';
import { idempotencyKeyHeader } from './idempotency.schemas.js';

const timestamp = z.iso.datetime().openapi({ example: '2026-11-24T08:30:00.000Z' });
const count = z.number().int().min(0);

const ItemErrorJson = z.object({
  item: z.number().int().min(1).openapi({ description: 'The item, numbered from 1 in the order sent.', example: 7 }),
  errors: z.record(z.string(), z.array(z.string())).openapi({ example: { title: ["can't be blank"] } }),
});

export const JobJson = z
  .object({
    id: z.uuid(),
    type: z.enum(JOB_TYPES),
    status: z.enum(JOB_STATUSES).openapi({
      description:
        'queued or running until it ends; then succeeded (every item applied or refused: see failed and errors), failed (the job itself failed), or canceled.',
    }),
    total: count.openapi({ description: 'Items received.' }),
    processed: count,
    succeeded: count.openapi({ description: 'Items that became articles.' }),
    failed: count.openapi({ description: 'Items refused, each for the reasons in errors.' }),
    errors: z
      .array(ItemErrorJson)
      .openapi({ description: `The first ${MAX_ITEM_ERRORS} refused items; the counts stay exact beyond them.` }),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
  })
  .openapi('Job');

export const SingleJobResponse = z.object({ job: JobJson }).openapi('SingleJobResponse');
export const MultipleJobsResponse = z.object({ jobs: z.array(JobJson), jobsCount: count }).openapi('MultipleJobsResponse');

export const JobsQueryParams = z.object(pageQuery);

/** Any text: an id that is not a job's names none, and is answered like an unknown one (404). */
export const jobIdParam = z.object({
  jobId: stringField()
    .max(64)
    .openapi({ param: { name: 'jobId', in: 'path' }, format: 'uuid', example: '0b7e2c0e-8a57-4a8c-a3a5-3e1f3c9d2b11' }),
});

export const ImportHeaders = z.object({
  'idempotency-key': idempotencyKeyHeader(
    'Makes creation safe to retry: the same key with the same body within 24 hours answers with the job it created (and `Idempotent-Replayed: true`); with another body, 422 IDEMPOTENCY_KEY_REUSED.',
  ),
});

const article = { $ref: '#/components/schemas/NewArticleRequest/properties/article' };
const object = 'object' as const;
const author = {
  type: 'string' as const,
  description: "An existing user's username, the article's author (admins only; for anyone else the item is refused).",
};

/** Documentation only: the body is streamed and checked item by item, not validated whole. */
export const importBodyContent = {
  'application/x-ndjson': {
    schema: {
      type: object,
      description: 'One item per line: `{"article": {…}}`, optionally with `"author"`. Blank lines are skipped.',
      properties: { article, author },
      required: ['article'],
    },
  },
  'application/json': {
    schema: {
      type: object,
      properties: { articles: { type: 'array' as const, items: { allOf: [article], properties: { author } } } },
      required: ['articles'],
    },
  },
};
