import {
  applyProfileChanges,
  type CurrentUserGone,
  type ProfileUpdate,
  profileOf,
  type UniqueUserFieldTaken,
  type User,
} from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { AuthenticatedUserView } from '../read-models/user-view.js';
import { toAuthenticatedUserView } from './authenticated-user-view.js';
import { currentSession } from './current-session.js';

/** Made only by the domain's `checkProfileChanges`; omitted fields stay unchanged. */
export type UpdateUserCommand = ProfileUpdate;

/** A new password or a new email is what a stolen session would be cut off with: the change ends every other session. */
const changesCredentials = (before: User, after: User, newPassword: boolean): boolean => newPassword || before.email !== after.email;

/**
 * The settings form. Changing the password or the email ends every other session of the user in
 * the same transaction; this one goes on, and its token in the answer is fresh (the one the
 * request came with stays good too). An empty password and an unchanged email change nothing.
 */
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
          const changed = applyProfileChanges(current, passwordHash === undefined ? profile : { ...profile, passwordHash });
          const saved = await repositories.users.updateProfile(profileOf(changed));
          if (saved.isOk() && changesCredentials(current, saved.value, passwordHash !== undefined)) {
            await repositories.sessions.endOwn(ctx.actor, currentSession(ctx.actor));
          }
          return saved;
        }),
      );
      return ok(await toAuthenticatedUserView(deps.tokenIssuer, user, currentSession(ctx.actor)));
    });
