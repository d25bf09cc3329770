import { type InvalidCredentials, normalizeEmail, type UserId } from '@conduit/domain';
import { err, ok, okAsync, ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { AuthenticatedUserView } from '../read-models/user-view.js';
import { toAuthenticatedUserView } from './authenticated-user-view.js';

export type LoginUserCommand = { readonly email: string; readonly password: string };

export const makeLoginUser = (deps: Pick<AppDeps, 'repositories' | 'unitOfWork' | 'passwordHasher' | 'tokenIssuer'>) => {
  // An unknown email still pays for one hash verification, so response time does not reveal
  // which emails have accounts.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => {
    dummyHash ??= deps.passwordHasher.hash('not-a-real-password');
    return dummyHash;
  };
  /**
   * The one moment the plain password is known: a hash made with older parameters is replaced by
   * one with today's. Only the hash changes; if the user changed meanwhile, the newer row wins.
   */
  const upgradeHash = async (id: UserId, password: string): Promise<void> => {
    const passwordHash = await deps.passwordHasher.hash(password);
    const upgraded = await deps.unitOfWork.run((repositories) =>
      ResultAsync.fromSafePromise(repositories.users.findById(id)).andThen((current) =>
        current === null ? okAsync(undefined) : repositories.users.updateProfile({ ...current, passwordHash }).map(() => undefined),
      ),
    );
    // Only the hash changed, so a uniqueness clash means the user changed meanwhile: the old hash
    // stays valid and the next sign-in upgrades it. The sign-in itself succeeds either way.
    upgraded.unwrapOr(undefined);
  };

  return (_ctx: Context, command: LoginUserCommand): ResultAsync<AuthenticatedUserView, InvalidCredentials> =>
    asyncResult(async () => {
      const user = await deps.repositories.users.findByEmail(normalizeEmail(command.email));
      const matches = await deps.passwordHasher.verify(user?.passwordHash ?? (await dummy()), command.password);
      if (user === null || !matches) return err({ type: 'InvalidCredentials' } as const);
      if (deps.passwordHasher.needsRehash(user.passwordHash)) await upgradeHash(user.id, command.password);
      return ok(await toAuthenticatedUserView(deps.tokenIssuer, user));
    });
};
