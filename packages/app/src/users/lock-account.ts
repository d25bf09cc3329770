import {
  type AccountActionForbidden,
  type AccountLock,
  type Actor,
  auditName,
  canActOnAccount,
  type LockReason,
  type ProfileNotFound,
  type SystemActor,
  setAccountLock,
} from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AppDeps } from '../deps.js';

/** `reason` made by the domain's `checkLockReason`; null unlocks. */
export type SetAccountLockCommand = { readonly username: string; readonly lock: { readonly reason: LockReason } | null };
export type AccountLockView = { readonly username: string; readonly lock: AccountLock | null; readonly sessionsEnded: number };

/**
 * Locks an account (it cannot sign in, and every session ends with the lock, in one transaction)
 * or unlocks it. Its content stays visible. Recorded on the user with who and when, as a role is.
 */
export const makeSetAccountLock =
  (deps: Pick<AppDeps, 'unitOfWork' | 'clock'>) =>
  (
    ctx: { readonly actor: Actor | SystemActor },
    command: SetAccountLockCommand,
  ): ResultAsync<AccountLockView, ProfileNotFound | AccountActionForbidden> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const user = await repositories.users.findByUsername(command.username);
        if (user === null) return err({ type: 'ProfileNotFound', username: command.username } as const);
        const allowed = yield* canActOnAccount(ctx.actor, 'account:lock', user);
        const lock = command.lock && { by: auditName(ctx.actor), at: deps.clock.now(), reason: command.lock.reason };
        await repositories.users.saveLock(setAccountLock(user, lock, allowed), allowed);
        const sessionsEnded = lock === null ? 0 : await repositories.sessions.endAll(user, allowed);
        return ok({ username: user.username, lock, sessionsEnded });
      }),
    );
