import { edgeProblems } from './edge-problems.js';
import type { ProblemTable } from './problem-table.js';

/** Jobs, uploads and idempotency keys. Rows of the one table (app-error-problem.ts). */
export const jobProblems = {
  JobNotFound: {
    status: 404,
    describe: () => ({
      code: 'JOB_NOT_FOUND',
      title: 'Job not found',
      detail: 'No job of yours has this id.',
      errors: { job: ['not found'] },
    }),
  },
  JobAlreadyFinished: {
    status: 409,
    describe: (error) => ({
      code: 'JOB_ALREADY_FINISHED',
      title: 'Job already finished',
      detail: `The job has ${error.status}; only a queued or running job can be canceled.`,
      errors: { job: [`has ${error.status}`] },
    }),
  },
  JobNotFinished: {
    status: 409,
    describe: (error) => ({
      code: 'JOB_NOT_FINISHED',
      title: 'Job not finished',
      detail: `The job is ${error.status}; its result is ready once it has succeeded. Poll the job, then ask again.`,
      errors: { job: [`is ${error.status}`] },
    }),
  },
  JobResultNotFound: {
    status: 404,
    describe: () => ({
      code: 'JOB_RESULT_NOT_FOUND',
      title: 'Job result not found',
      detail: 'This job has no result to download: it makes none (an import), it did not succeed, or its result has expired.',
      errors: { result: ['not found'] },
    }),
  },
  IdempotencyKeyReused: {
    status: 422,
    describe: () => ({
      code: 'IDEMPOTENCY_KEY_REUSED',
      title: 'Idempotency key reused',
      detail: 'This Idempotency-Key was sent before with a different request body; use a new key for a new request.',
      errors: { 'Idempotency-Key': ['was used for a different request'] },
    }),
  },
  UploadMalformed: { status: 400, describe: () => edgeProblems.malformedJson() },
  UploadItemTooLarge: {
    status: 413,
    describe: (error) => ({
      ...edgeProblems.payloadTooLarge(error.limitBytes),
      detail: `Item ${error.item} is larger than ${error.limitBytes} bytes; no article is that large. Is each item on a line of its own?`,
      errors: { [`item ${error.item}`]: [`is larger than ${error.limitBytes} bytes`] },
    }),
  },
  UploadInvalid: { status: 422, describe: (error) => edgeProblems.validationFailed(error.errors) },
  // Tenants are managed from the command line only; no route returns these, the table names them all.
} as const satisfies Partial<ProblemTable>;
