import type { CurrentUserGone } from '@conduit/domain';
import { err, ok, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { AuthenticatedUserView } from '../read-models/user-view.js';
import { toAuthenticatedUserView } from './authenticated-user-view.js';
import { currentSession } from './current-session.js';

export const makeGetCurrentUser =
  (deps: Pick<AppDeps, 'repositories' | 'tokenIssuer'>) =>
  (ctx: AuthenticatedContext): ResultAsync<AuthenticatedUserView, CurrentUserGone> =>
    asyncResult(async () => {
      const user = await deps.repositories.users.findById(ctx.actor.userId);
      if (user === null) return err({ type: 'CurrentUserGone' } as const);
      return ok(await toAuthenticatedUserView(deps.tokenIssuer, user, currentSession(ctx.actor)));
    });
