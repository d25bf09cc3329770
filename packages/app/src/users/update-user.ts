import { applyProfileChanges, type CurrentUserGone, type ProfileUpdate, type UniqueUserFieldTaken, type User } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { AuthenticatedUserView } from '../read-models/user-view.js';
import { toAuthenticatedUserView } from './authenticated-user-view.js';

/** Made only by the domain's `checkProfileChanges`; omitted fields stay unchanged. */
export type UpdateUserCommand = ProfileUpdate;

export const makeUpdateUser =
  (deps: Pick<AppDeps, 'unitOfWork' | 'passwordHasher' | 'tokenIssuer'>) =>
  (ctx: AuthenticatedContext, command: UpdateUserCommand): ResultAsync<AuthenticatedUserView, CurrentUserGone | UniqueUserFieldTaken> =>
    safeTry(async function* () {
      const { password, ...profile } = command;
      const passwordHash = password === undefined || password === '' ? undefined : await deps.passwordHasher.hash(password);
      const user = yield* deps.unitOfWork.run((repositories) =>
        asyncResult<User, CurrentUserGone | UniqueUserFieldTaken>(async () => {
          const current = await repositories.users.findById(ctx.actor.userId);
          if (current === null) return err({ type: 'CurrentUserGone' } as const);
          return repositories.users.updateProfile(
            applyProfileChanges(current, passwordHash === undefined ? profile : { ...profile, passwordHash }),
          );
        }),
      );
      return ok(await toAuthenticatedUserView(deps.tokenIssuer, user));
    });
