import {
  type AccountLocked,
  type InvalidCredentials,
  normalizeEmail,
  profileOf,
  startSession,
  UNKNOWN_ORIGIN,
  type UserId,
} from '@conduit/domain';
import { err, ok, okAsync, ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { AuthenticatedUserView } from '../read-models/user-view.js';
import { toAuthenticatedUserView } from './authenticated-user-view.js';

export type LoginUserCommand = { readonly email: string; readonly password: string };

/** A new session for the right password; a locked account is told so only once the password is right. */
export const makeLoginUser = (deps: Pick<AppDeps, 'repositories' | 'unitOfWork' | 'passwordHasher' | 'tokenIssuer' | 'clock'>) => {
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
        current === null
          ? okAsync(undefined)
          : repositories.users.updateProfile({ ...profileOf(current), passwordHash }).map(() => undefined),
      ),
    );
    // Only the hash changed, so a uniqueness clash means the user changed meanwhile: the old hash
    // stays valid and the next sign-in upgrades it. The sign-in itself succeeds either way.
    upgraded.unwrapOr(undefined);
  };

  return (ctx: Context, command: LoginUserCommand): ResultAsync<AuthenticatedUserView, InvalidCredentials | AccountLocked> =>
    asyncResult(async () => {
      const user = await deps.repositories.users.findByEmail(normalizeEmail(command.email));
      const matches = await deps.passwordHasher.verify(user?.passwordHash ?? (await dummy()), command.password);
      if (user === null || !matches) return err({ type: 'InvalidCredentials' } as const);
      if (user.lock !== null) return err({ type: 'AccountLocked' } as const);
      if (deps.passwordHasher.needsRehash(user.passwordHash)) await upgradeHash(user.id, command.password);
      const session = await deps.repositories.sessions.add(
        startSession(user.id, ctx.origin ?? UNKNOWN_ORIGIN, deps.clock.now(), deps.tokenIssuer.lifetimeSeconds),
      );
      return ok(await toAuthenticatedUserView(deps.tokenIssuer, user, session.id));
    });
};
