import { type AccountActionForbidden, type CurrentUserGone, canEraseAccount, type WrongPassword } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';

export type EraseAccountCommand = { readonly password: string };

/**
 * The user erases their own account, confirming with its password: everything they made goes in
 * one transaction (see UserRepository.erase), and their username and email are free again.
 * Articles go rather than pass to a placeholder author: what a person wrote is theirs to take away.
 */
export const makeEraseAccount =
  (deps: Pick<AppDeps, 'repositories' | 'unitOfWork' | 'passwordHasher'>) =>
  (ctx: AuthenticatedContext, command: EraseAccountCommand): ResultAsync<void, CurrentUserGone | WrongPassword | AccountActionForbidden> =>
    safeTry(async function* () {
      const user = await deps.repositories.users.findById(ctx.actor.userId);
      if (user === null) return err({ type: 'CurrentUserGone' } as const);
      if (!(await deps.passwordHasher.verify(user.passwordHash, command.password))) return err({ type: 'WrongPassword' } as const);
      const allowed = yield* canEraseAccount(ctx.actor, user);
      yield* deps.unitOfWork.run((repositories) =>
        asyncResult<void, CurrentUserGone>(async () => {
          // Read again inside the transaction: a concurrent erasure has either happened or waits.
          if ((await repositories.users.findById(user.id)) === null) return err({ type: 'CurrentUserGone' } as const);
          await repositories.users.erase(user, allowed);
          return ok(undefined);
        }),
      );
      return ok(undefined);
    });
