import {
  type Actor,
  assignRole,
  canAssignRole,
  type ProfileNotFound,
  type Role,
  type RoleChangeForbidden,
  type SystemActor,
} from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AppDeps } from '../deps.js';

export type SetUserRoleCommand = { readonly username: string; readonly role: Role };
export type UserRoleView = { readonly username: string; readonly role: Role };

/** Promote to admin or demote to user. Idempotent. */
export const makeSetUserRole =
  (deps: Pick<AppDeps, 'unitOfWork'>) =>
  (
    ctx: { readonly actor: Actor | SystemActor },
    command: SetUserRoleCommand,
  ): ResultAsync<UserRoleView, ProfileNotFound | RoleChangeForbidden> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const allowed = yield* canAssignRole(ctx.actor, command.username);
        const user = await repositories.users.findByUsername(command.username);
        if (user === null) return err({ type: 'ProfileNotFound', username: command.username } as const);
        const saved = await repositories.users.update(assignRole(user, command.role, allowed));
        // Only the role changes, so username and email cannot clash: a failure here is a defect.
        if (saved.isErr()) throw new Error(`Role change of "${command.username}" hit ${saved.error.type}`);
        return ok({ username: saved.value.username, role: saved.value.role });
      }),
    );
