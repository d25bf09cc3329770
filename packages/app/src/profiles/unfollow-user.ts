import type { ProfileNotFound } from '@conduit/domain';
import { err, ok, type ResultAsync, safeTry } from 'neverthrow';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { ProfileView } from '../read-models/profile-view.js';

export const makeUnfollowUser =
  (deps: Pick<AppDeps, 'unitOfWork'>) =>
  (ctx: AuthenticatedContext, username: string): ResultAsync<ProfileView, ProfileNotFound> =>
    deps.unitOfWork.run((repositories) =>
      safeTry(async function* () {
        const target = await repositories.users.findByUsername(username);
        if (target === null) return err({ type: 'ProfileNotFound', username } as const);
        await repositories.follows.unfollow(ctx.actor.userId, target.id);
        return ok({ username: target.username, bio: target.bio, image: target.image, following: false });
      }),
    );
