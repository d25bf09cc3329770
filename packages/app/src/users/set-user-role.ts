import {
  type Actor,
  assignRole,
  auditName,
  canAssignRole,
  type ProfileNotFound,
  type Role,
  type RoleChangeForbidden,
  type SystemActor,
} from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AppDeps } from '../deps.js';

export type SetUserRoleCommand = { readonly username: string; readonly role: Role };
export type UserRoleView = { readonly username: string; readonly role: Role; readonly assignedBy: string; readonly assignedAt: Date };

/** Promote to admin or demote to user, recording who did it and when. Idempotent in the role. */
export const makeSetUserRole =
  (deps: Pick<AppDeps, 'unitOfWork' | 'clock'>) =>
  (
    ctx: { readonly actor: Actor | SystemActor },
    command: SetUserRoleCommand,
  ): ResultAsync<UserRoleView, ProfileNotFound | RoleChangeForbidden> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const allowed = yield* canAssignRole(ctx.actor, command.username);
        const user = await repositories.users.findByUsername(command.username);
        if (user === null) return err({ type: 'ProfileNotFound', username: command.username } as const);
        const assignment = { by: auditName(ctx.actor), at: deps.clock.now() };
        const assigned = assignRole(user, command.role, assignment, allowed);
        await repositories.users.saveRole(assigned, allowed);
        return ok({ username: assigned.username, role: assigned.role, assignedBy: assignment.by, assignedAt: assignment.at });
      }),
    );
