import { z } from '@hono/zod-openapi';

export const ProblemResponse = z
  .object({
    type: z.string().openapi({ example: 'https://conduit.dev/problems/validation-failed' }),
    title: z.string().openapi({ example: 'Validation failed' }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string(),
    instance: z.string().openapi({ example: '/api/users' }),
    code: z.string().openapi({ description: 'Stable error code, see docs/api.md.', example: 'VALIDATION_FAILED' }),
    requestId: z.string().openapi({ example: '5f0c3a1e-1d2b-4c47-9d1b-2f8f0f0c1a2b' }),
    errors: z.record(z.string(), z.array(z.string())).openapi({
      description: 'RealWorld field map: field name to messages a person can read. Always present.',
      example: { email: ["can't be blank"] },
    }),
  })
  .openapi('Problem');

const descriptions = {
  400: 'Malformed JSON',
  401: 'Missing or invalid token, or wrong credentials',
  403: 'Not allowed for this user',
  404: 'Not found',
  409: 'In conflict with the state of the resource',
  413: 'Request body too large',
  415: 'Request body is not of a media type the operation accepts',
  421: 'No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject)',
  422: 'Invalid request fields',
  431: 'Request line or headers too large (refused by the HTTP server before routing)',
  429: 'Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget)',
  500: 'Unexpected failure (only the request id is disclosed)',
  503: 'Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome',
} as const;

export type ProblemStatus = keyof typeof descriptions;

// application/json by default (the RealWorld contract); application/problem+json when Accept asks.
const problemContent = {
  'application/json': { schema: ProblemResponse },
  'application/problem+json': { schema: ProblemResponse },
};

/** OpenAPI response entries for the problem statuses an operation can answer; 421, 429, 431, 500 and 503 always. */
export const problemResponses = <const S extends ProblemStatus>(...statuses: S[]) =>
  Object.fromEntries(
    [...statuses, 421 as const, 429 as const, 431 as const, 500 as const, 503 as const].map((status) => [
      status,
      { description: descriptions[status], content: problemContent },
    ]),
  ) as unknown as { [K in S | 421 | 429 | 431 | 500 | 503]: { description: string; content: typeof problemContent } };

/** Statuses every operation with a JSON body can answer at the edge. */
export const bodyProblems = [400, 413, 415, 422] as const;
