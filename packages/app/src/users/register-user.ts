import { newUser, type SignUp, startSession, UNKNOWN_ORIGIN, type UniqueUserFieldTaken } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { FeatureDisabled } from '../features.js';
import type { AuthenticatedUserView } from '../read-models/user-view.js';
import { toAuthenticatedUserView } from './authenticated-user-view.js';

/** Made only by the domain's `checkSignUp`. */
export type RegisterUserCommand = SignUp;

/** A new account, signed in: the user and its first session are stored together. */
export const makeRegisterUser =
  (deps: Pick<AppDeps, 'unitOfWork' | 'passwordHasher' | 'tokenIssuer' | 'clock'>) =>
  (ctx: Context, command: RegisterUserCommand): ResultAsync<AuthenticatedUserView, UniqueUserFieldTaken | FeatureDisabled> =>
    safeTry(async function* () {
      if (!(await ctx.features.enabled('registration'))) return err({ type: 'FeatureDisabled', feature: 'registration' } as const);
      const passwordHash = await deps.passwordHasher.hash(command.password);
      const { user, session } = yield* deps.unitOfWork.run((repositories) =>
        repositories.users.add(newUser({ username: command.username, email: command.email, passwordHash })).map(async (user) => ({
          user,
          session: await repositories.sessions.add(
            startSession(user.id, ctx.origin ?? UNKNOWN_ORIGIN, deps.clock.now(), deps.tokenIssuer.lifetimeSeconds),
          ),
        })),
      );
      return ok(await toAuthenticatedUserView(deps.tokenIssuer, user, session.id));
    });
