import type { ProfileView } from '@conduit/app';

/** pg may hand timestamps over as Date or as text depending on type parser configuration. */
export const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export type ProfileRow = {
  username: string;
  bio: string | null;
  image: string | null;
  following: boolean;
};

export const profileFromRow = (row: ProfileRow): ProfileView => ({
  username: row.username,
  bio: row.bio,
  image: row.image,
  following: row.following,
});

/**
 * `following` for the author column `u.id`; `?` is the viewer id, or null for anonymous viewers.
 * Shared by every read model that shows an author.
 */
export const followingColumn =
  'coalesce((select true from follows fo where fo.follower_id = ? and fo.followee_id = u.id), false) as following';
