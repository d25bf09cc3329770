import type { UserId } from '../shared/ids.js';

/** Both operations are idempotent: following twice or unfollowing a stranger is not an error. */
export interface FollowRepository {
  follow(followerId: UserId, followeeId: UserId): Promise<void>;
  unfollow(followerId: UserId, followeeId: UserId): Promise<void>;
}
