import type { FollowRepository, UserId } from '@conduit/domain';
import { followKey, type InMemoryStore } from './in-memory-store.js';

export class InMemoryFollowRepository implements FollowRepository {
  constructor(private readonly store: InMemoryStore) {}

  async follow(followerId: UserId, followeeId: UserId): Promise<void> {
    this.store.follows.add(followKey(followerId, followeeId));
  }

  async unfollow(followerId: UserId, followeeId: UserId): Promise<void> {
    this.store.follows.delete(followKey(followerId, followeeId));
  }
}
