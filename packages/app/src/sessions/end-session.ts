import type { SessionId, SessionNotFound } from '@conduit/domain';
import { err, ok, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';

/** Ends one of the caller's own sessions (the current one included); another user's id is not found. */
export const makeEndSession =
  (deps: Pick<AppDeps, 'repositories'>) =>
  (ctx: AuthenticatedContext, id: SessionId): ResultAsync<void, SessionNotFound> =>
    asyncResult(async () =>
      (await deps.repositories.sessions.end(ctx.actor.userId, id)) ? ok(undefined) : err({ type: 'SessionNotFound' } as const),
    );
