import { type CurrentUserGone, lastSeenIsStale, type TokenClaims, type UserActor } from '@conduit/domain';
import { err, ok, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { SelfProfile } from '../context.js';
import type { AppDeps } from '../deps.js';

/** Who a token stands for: the actor, and their public profile as the same lookup read it. */
export type SignedIn = { readonly actor: UserActor; readonly self: SelfProfile };

/**
 * The last step of authentication: the session a verified token names must still stand (not ended,
 * not expired, its user neither gone nor locked). One lookup per request; the session's last-seen
 * time is written only when it is a minute old, so a busy client costs one write a minute.
 */
export const makeResolveActor =
  (deps: Pick<AppDeps, 'queries' | 'repositories' | 'clock'>) =>
  (claims: TokenClaims): ResultAsync<SignedIn, CurrentUserGone> =>
    asyncResult(async () => {
      const now = deps.clock.now();
      const found = await deps.queries.actors.bySession(claims, now);
      if (found === null) return err({ type: 'CurrentUserGone' } as const);
      if (lastSeenIsStale(found.lastSeenAt, now)) await deps.repositories.sessions.touch(claims.sessionId, now);
      return ok({ actor: found.actor, self: found.self });
    });
