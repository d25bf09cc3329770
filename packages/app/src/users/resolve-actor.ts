import { type CurrentUserGone, type UserActor, type UserId, userActor } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AppDeps } from '../deps.js';

/**
 * The last step of authentication: the user a verified token names must still exist.
 * A token outliving its user is refused, not a crash.
 */
export const makeResolveActor =
  (deps: Pick<AppDeps, 'repositories'>) =>
  (id: UserId): ResultAsync<UserActor, CurrentUserGone> =>
    safeTry(async function* () {
      const user = await deps.repositories.users.findById(id);
      return user === null ? err({ type: 'CurrentUserGone' } as const) : ok(userActor(user.id, user.role));
    });
