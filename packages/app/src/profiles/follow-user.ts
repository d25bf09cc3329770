import { type CannotFollowYourself, canFollow, type ProfileNotFound } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ProfileView } from '../read-models/profile-view.js';

export const makeFollowUser =
  (deps: Pick<AppDeps, 'unitOfWork'>) =>
  (ctx: AuthenticatedContext, username: string): ResultAsync<ProfileView, ProfileNotFound | CannotFollowYourself> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const target = await repositories.users.findByUsername(username);
        if (target === null) return err({ type: 'ProfileNotFound', username } as const);
        yield* canFollow(ctx.actor, target);
        await repositories.follows.follow(ctx.actor.userId, target.id);
        return ok({ username: target.username, bio: target.bio, image: target.image, following: true });
      }),
    );
