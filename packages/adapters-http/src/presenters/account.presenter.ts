import type { AccountLockView } from '@conduit/app';
import type { z } from '@hono/zod-openapi';
import type { AccountResponse } from '../schemas/account.schemas.js';

export const presentAccount = (view: AccountLockView): z.infer<typeof AccountResponse> => ({
  account: {
    username: view.username,
    lock: view.lock && { by: view.lock.by, at: view.lock.at.toISOString(), reason: view.lock.reason },
    sessionsEnded: view.sessionsEnded,
  },
});
