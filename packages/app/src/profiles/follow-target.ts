import type { ProfileNotFound, Repositories, User } from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';
import type { ProfileView } from '../read-models/profile-view.js';

/** The user a follow or unfollow is about. */
export const findFollowTarget = async (repositories: Repositories, username: string): Promise<Result<User, ProfileNotFound>> => {
  const target = await repositories.users.findByUsername(username);
  return target === null ? err({ type: 'ProfileNotFound', username }) : ok(target);
};

/** The target's profile as the actor now sees it. */
export const followView = (target: User, following: boolean): ProfileView => ({
  username: target.username,
  bio: target.bio,
  image: target.image,
  following,
});
