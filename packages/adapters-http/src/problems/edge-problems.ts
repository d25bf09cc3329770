import type { FieldErrors, ProblemSpec } from './problem.js';

/** Failures detected at the HTTP edge, before or around any use case. */
export const edgeProblems = {
  validationFailed: (errors: FieldErrors): ProblemSpec => ({
    status: 422,
    code: 'VALIDATION_FAILED',
    title: 'Validation failed',
    detail: 'The request has invalid fields; see errors.',
    errors,
  }),
  malformedJson: (): ProblemSpec => ({
    status: 400,
    code: 'MALFORMED_JSON',
    title: 'Malformed JSON',
    detail: 'The request body is not valid JSON.',
    errors: { body: ['is not valid JSON'] },
  }),
  unsupportedMediaType: (accepted: readonly string[] = ['application/json']): ProblemSpec => ({
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    title: 'Unsupported media type',
    detail: `Send the request body as ${accepted.join(' or ')}.`,
    errors: { body: [`must be ${accepted.join(' or ')}`] },
    headers: { 'Accept-Post': accepted.join(', ') },
  }),
  payloadTooLarge: (limitBytes: number): ProblemSpec => ({
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    title: 'Payload too large',
    detail: `The request body exceeds ${limitBytes} bytes.`,
    errors: { body: [`is larger than ${limitBytes} bytes`] },
  }),
  idempotentRequestInProgress: (): ProblemSpec => ({
    status: 409,
    code: 'IDEMPOTENT_REQUEST_IN_PROGRESS',
    title: 'Request in progress',
    detail: 'A request with this Idempotency-Key is still being processed; retry after Retry-After to get its answer.',
    errors: { 'Idempotency-Key': ['is in use by a request in progress'] },
    headers: { 'Retry-After': '1' },
  }),
  idempotentAnswerLost: (): ProblemSpec => ({
    status: 409,
    code: 'IDEMPOTENT_ANSWER_LOST',
    title: 'Request applied, answer not kept',
    detail:
      'A request with this Idempotency-Key was applied, but its answer could not be kept (the server failed right after); read the resource to see its state.',
    errors: { 'Idempotency-Key': ['was used by a request that was applied'] },
  }),
  misdirected: (): ProblemSpec => ({
    status: 421,
    code: 'MISDIRECTED_REQUEST',
    title: 'Misdirected request',
    detail: 'No publication is served at this host name.',
    errors: { host: ['is not served here'] },
  }),
  routeNotFound: (): ProblemSpec => ({
    status: 404,
    code: 'ROUTE_NOT_FOUND',
    title: 'Not found',
    detail: 'No operation exists at this path.',
    errors: { path: ['does not exist'] },
  }),
  methodNotAllowed: (allowed: readonly string[]): ProblemSpec => ({
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    title: 'Method not allowed',
    detail: `This path supports ${allowed.join(', ')}.`,
    errors: { method: [`is not allowed here; use ${allowed.join(', ')}`] },
    headers: { Allow: allowed.join(', ') },
  }),
  unauthenticated: (reason: 'missing' | 'invalid'): ProblemSpec => ({
    status: 401,
    code: 'UNAUTHENTICATED',
    title: 'Authentication required',
    detail:
      reason === 'missing'
        ? 'Send a token as "Authorization: Token <jwt>".'
        : 'The token is invalid, expired, or its user no longer exists.',
    errors: { token: [reason === 'missing' ? 'is missing' : 'is invalid'] },
    // A fixed realm and an RFC 6750 error code (a missing token is a missing required parameter);
    // nothing from the request is echoed.
    headers: {
      'WWW-Authenticate': `Token realm="conduit", error="${reason === 'missing' ? 'invalid_request' : 'invalid_token'}"`,
    },
  }),
  deadlineExceeded: (budgetMs: number): ProblemSpec => ({
    status: 503,
    code: 'DEADLINE_EXCEEDED',
    title: 'Request took too long',
    detail: `The request did not complete within ${budgetMs} ms. Retry later.`,
    errors: { request: ['took too long; try again in a moment'] },
    headers: { 'Retry-After': '1' },
  }),
  writeOutcomeUnknown: (budgetMs: number): ProblemSpec => ({
    status: 503,
    code: 'WRITE_OUTCOME_UNKNOWN',
    title: 'Write outcome unknown',
    detail: `The write was sent to the database and no answer came within ${budgetMs} ms: it may or may not have been applied. Repeat it with the same Idempotency-Key to get its outcome; without one, read before writing again.`,
    errors: { request: ['may or may not have been applied; repeat it with the same Idempotency-Key to learn which'] },
    headers: { 'Retry-After': '1' },
  }),
  overloaded: (): ProblemSpec => ({
    status: 503,
    code: 'OVERLOADED',
    title: 'Server overloaded',
    detail: 'Too many requests are in progress. Retry later.',
    errors: { server: ['is busy; try again in a moment'] },
    headers: { 'Retry-After': '1' },
  }),
  dependencyUnavailable: (): ProblemSpec => ({
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
    title: 'Service unavailable',
    detail: 'A dependency is busy or unreachable. Retry later.',
    errors: { server: ['is temporarily unavailable; try again in a moment'] },
    headers: { 'Retry-After': '1' },
  }),
  internalError: (): ProblemSpec => ({
    status: 500,
    code: 'INTERNAL_ERROR',
    title: 'Internal server error',
    detail: 'Something went wrong on our side. Quote the request id when reporting it.',
    errors: { server: ['had an unexpected problem; try again later'] },
  }),
};
