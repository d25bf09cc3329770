import { type InvalidCredentials, normalizeEmail } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { Context } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { AuthenticatedUserView } from '../read-models/user-view.js';
import { toAuthenticatedUserView } from './authenticated-user-view.js';

export type LoginUserCommand = { readonly email: string; readonly password: string };

export const makeLoginUser = (deps: Pick<AppDeps, 'repositories' | 'passwordHasher' | 'tokenIssuer'>) => {
  // An unknown email still pays for one hash verification, so response time does not reveal
  // which emails have accounts.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => {
    dummyHash ??= deps.passwordHasher.hash('not-a-real-password');
    return dummyHash;
  };
  return (_ctx: Context, command: LoginUserCommand): ResultAsync<AuthenticatedUserView, InvalidCredentials> =>
    safeTry(async function* () {
      const user = await deps.repositories.users.findByEmail(normalizeEmail(command.email));
      const matches = await deps.passwordHasher.verify(user?.passwordHash ?? (await dummy()), command.password);
      if (user === null || !matches) return err({ type: 'InvalidCredentials' } as const);
      return ok(await toAuthenticatedUserView(deps.tokenIssuer, user));
    });
};
