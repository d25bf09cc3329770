import type { CurrentUserGone, UserActor, UserId } from '@conduit/domain';
import { err, ok, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AppDeps } from '../deps.js';

/**
 * The last step of authentication: the user a verified token names must still exist.
 * A token outliving its user is refused, not a crash.
 */
export const makeResolveActor =
  (deps: Pick<AppDeps, 'queries'>) =>
  (id: UserId): ResultAsync<UserActor, CurrentUserGone> =>
    asyncResult(async () => {
      const actor = await deps.queries.actors.byUserId(id);
      return actor === null ? err({ type: 'CurrentUserGone' } as const) : ok(actor);
    });
