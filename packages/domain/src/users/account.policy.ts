import { err, ok, type Result } from 'neverthrow';
import type { Actor, SystemActor, UserActor } from '../shared/actor.js';
import { type Authorized, grant } from '../shared/authorized.js';
import type { AccountActionForbidden } from './user.errors.js';
import type { User } from './user.js';

type AccountAction = 'account:lock' | 'session:end-all';

/**
 * Who may lock another user's account or end its sessions: an operator (the command line) on
 * anyone; an admin over the API on a user who is not an admin (admins answer to operators, and an
 * admin does not lock themself out). Everyone else is refused.
 */
export const canActOnAccount = <A extends AccountAction>(
  actor: Actor | SystemActor,
  action: A,
  target: Pick<User, 'id' | 'username' | 'role'>,
): Result<Authorized<A>, AccountActionForbidden> => {
  const allowed = actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin' && target.role !== 'admin');
  return allowed ? ok(grant(action, target.username)) : err({ type: 'AccountActionForbidden' });
};

/** An account is erased by its owner only (who has just given its password): nobody erases someone else's. */
export const canEraseAccount = (
  actor: UserActor,
  target: Pick<User, 'id' | 'username'>,
): Result<Authorized<'account:erase'>, AccountActionForbidden> =>
  actor.userId === target.id ? ok(grant('account:erase', target.username)) : err({ type: 'AccountActionForbidden' });
