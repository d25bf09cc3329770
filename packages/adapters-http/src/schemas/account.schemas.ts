import { LOCK_REASON_MAX } from '@conduit/domain';
import { z } from '@hono/zod-openapi';
import { anyText } from './fields.js';

export const LockAccountBody = z
  .object({
    lock: z.object({
      reason: anyText(LOCK_REASON_MAX).openapi({ description: 'Why: kept with the lock, with who locked it and when.' }),
    }),
  })
  .openapi('LockAccountRequest');

const AccountLockJson = z.object({
  by: z.string().openapi({ description: 'Who locked it: an operator, or `user:<id>` for an admin.', example: 'user:1' }),
  at: z.iso.datetime(),
  reason: z.string(),
});

export const AccountResponse = z
  .object({
    account: z.object({
      username: z.string(),
      lock: AccountLockJson.nullable().openapi({ description: 'null when the account is not locked.' }),
      sessionsEnded: z.number().int().min(0).openapi({ description: 'Sessions this request ended.' }),
    }),
  })
  .openapi('AccountResponse');
