import { z } from '@hono/zod-openapi';
import { stringField } from './fields.js';

/**
 * The IETF draft's `Idempotency-Key` is a quoted structured-field string; the unquoted form most
 * clients send is accepted too, and both name the same key.
 */
export const idempotencyKeyHeader = (description: string) =>
  stringField()
    .trim()
    .transform((value) => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value))
    .pipe(z.string().min(1, "can't be blank").max(255, 'is too long (maximum is 255 characters)'))
    .optional()
    .openapi({ description, example: '"7d1c8f0e-4b7a-4f5e-9a53-2c7b1f0d9e11"' });

export const IdempotencyHeaders = z.object({
  'idempotency-key': idempotencyKeyHeader(
    'Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user.',
  ),
});

/** The response header that marks a replayed answer. */
export const idempotentReplayedHeader = {
  'Idempotent-Replayed': {
    description:
      '`true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again.',
    schema: { type: 'string' as const },
  },
};
