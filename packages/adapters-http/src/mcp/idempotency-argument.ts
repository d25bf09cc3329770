import { z } from '@hono/zod-openapi';
import { idempotencyKeyHeader } from '../schemas/idempotency.schemas.js';

/** The argument every MCP write tool takes to be safe to repeat (keyed-tool-call.ts), as a tool lists it. */
export const IDEMPOTENCY_ARGUMENT = 'idempotencyKey';

export const KeyArgument = z.object({
  [IDEMPOTENCY_ARGUMENT]: idempotencyKeyHeader(
    'Makes the call safe to repeat (after a timeout or a lost connection): the same key with the same arguments within 24 hours applies nothing again and answers as the first call did. The same key with other arguments: IDEMPOTENCY_KEY_REUSED; while the first is still running: IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user.',
  ),
});

/** The argument's JSON schema, added to every write tool's input schema. */
export const idempotencyArgumentSchema = z.toJSONSchema(KeyArgument, { io: 'input' }).properties?.[IDEMPOTENCY_ARGUMENT];

export const IDEMPOTENCY_ADVICE =
  ' Takes an optional `idempotencyKey` (any unique text): repeat a call that timed out with the same key, and it is applied once.';
