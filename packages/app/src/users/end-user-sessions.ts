import { type AccountActionForbidden, type Actor, canActOnAccount, type ProfileNotFound, type SystemActor } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AppDeps } from '../deps.js';

/** Ends every session of another user (a stolen token, an abusive account); how many ended. */
export const makeEndUserSessions =
  (deps: Pick<AppDeps, 'unitOfWork'>) =>
  (
    ctx: { readonly actor: Actor | SystemActor },
    command: { readonly username: string },
  ): ResultAsync<{ readonly username: string; readonly sessionsEnded: number }, ProfileNotFound | AccountActionForbidden> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const user = await repositories.users.findByUsername(command.username);
        if (user === null) return err({ type: 'ProfileNotFound', username: command.username } as const);
        const allowed = yield* canActOnAccount(ctx.actor, 'session:end-all', user);
        return ok({ username: user.username, sessionsEnded: await repositories.sessions.endAll(user, allowed) });
      }),
    );
