import type { ResultAsync } from 'neverthrow';
import { ok } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';

export type LogOutCommand = { readonly everywhere: boolean };

/** Ends this session, or every session of the user; the tokens of an ended session are refused from the next request. */
export const makeLogOut =
  (deps: Pick<AppDeps, 'repositories'>) =>
  (ctx: AuthenticatedContext, command: LogOutCommand): ResultAsync<{ readonly ended: number }, never> =>
    asyncResult(async () => {
      const { userId, sessionId } = ctx.actor;
      if (command.everywhere) return ok({ ended: await deps.repositories.sessions.endOwn(ctx.actor) });
      if (sessionId === null) return ok({ ended: 0 });
      return ok({ ended: (await deps.repositories.sessions.end(userId, sessionId)) ? 1 : 0 });
    });
