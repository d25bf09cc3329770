import type { ProfileNotFound } from '@conduit/domain';
import { ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ProfileView } from '../read-models/profile-view.js';
import { findFollowTarget, followView } from './follow-target.js';

export const makeUnfollowUser =
  (deps: Pick<AppDeps, 'unitOfWork'>) =>
  (ctx: AuthenticatedContext, username: string): ResultAsync<ProfileView, ProfileNotFound> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const target = yield* await findFollowTarget(repositories, username);
        await repositories.follows.unfollow(ctx.actor.userId, target.id);
        return ok(followView(target, false));
      }),
    );
