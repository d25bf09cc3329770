import { type CannotFollowYourself, canFollow, type ProfileNotFound } from '@conduit/domain';
import { ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ProfileView } from '../read-models/profile-view.js';
import { findFollowTarget, followView } from './follow-target.js';

export const makeFollowUser =
  (deps: Pick<AppDeps, 'unitOfWork'>) =>
  (ctx: AuthenticatedContext, username: string): ResultAsync<ProfileView, ProfileNotFound | CannotFollowYourself> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const target = yield* await findFollowTarget(repositories, username);
        yield* canFollow(ctx.actor, target);
        await repositories.follows.follow(ctx.actor.userId, target.id);
        return ok(followView(target, true));
      }),
    );
