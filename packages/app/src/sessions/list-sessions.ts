import type { ResultAsync } from 'neverthrow';
import { ok } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { SessionView } from '../read-models/session-view.js';

/** The caller's sessions that still stand, most recently seen first, the current one marked. */
export const makeListSessions =
  (deps: Pick<AppDeps, 'repositories' | 'clock'>) =>
  (ctx: AuthenticatedContext): ResultAsync<SessionView[], never> =>
    asyncResult(async () => {
      const sessions = await deps.repositories.sessions.listLive(ctx.actor.userId, deps.clock.now());
      return ok(
        sessions.map(({ id, createdAt, lastSeenAt, expiresAt, userAgent, address }) => ({
          id,
          createdAt,
          lastSeenAt,
          expiresAt,
          userAgent,
          address,
          current: id === ctx.actor.sessionId,
        })),
      );
    });
