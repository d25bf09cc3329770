import type { UserActor } from '../shared/actor.js';
import type { Authorized } from '../shared/authorized.js';
import type { SessionId, UserId } from '../shared/ids.js';
import type { User } from '../users/user.js';
import type { NewSession, Session } from './session.js';

/**
 * Sessions as stored. Ending a session deletes it: a token is good only while its session row
 * exists and has not expired, so there is nothing to keep once it has ended.
 */
export interface SessionRepository {
  /** Stores a new session under a fresh random id. */
  add(session: NewSession): Promise<Session>;
  /** The user's sessions that have not expired at `now`, most recently seen first. */
  listLive(userId: UserId, now: Date): Promise<Session[]>;
  /** Ends one of the user's sessions; false when the user has no session with this id. */
  end(userId: UserId, id: SessionId): Promise<boolean>;
  /**
   * Ends every session of `user`, another user's: needs the account policy's proof for that username
   * (ending them, or locking the account, which ends them too); returns how many ended.
   */
  endAll(user: Pick<User, 'id' | 'username'>, allowed: Authorized<'session:end-all' | 'account:lock'>): Promise<number>;
  /** Ends the signed-in user's own sessions, except `keep` when given (signing out everywhere, new credentials); how many ended. */
  endOwn(actor: UserActor, keep?: SessionId): Promise<number>;
  /** Records that the session was seen at `now`. */
  touch(id: SessionId, now: Date): Promise<void>;
  /** Forgets up to `limit` sessions that had expired by `now`; returns how many. */
  forgetExpired(now: Date, limit: number): Promise<number>;
}
