import type { SessionId, UserActor } from '@conduit/domain';

/**
 * The session a signed-in request belongs to. Every actor the authentication step builds has one;
 * an actor without one (a job run for its owner) asking for a token is a defect in the caller.
 */
export const currentSession = (actor: UserActor): SessionId => {
  if (actor.sessionId === null) throw new Error(`user ${actor.userId} acts outside a session: no token can be issued`);
  return actor.sessionId;
};
