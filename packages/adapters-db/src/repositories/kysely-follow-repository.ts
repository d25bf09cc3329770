import type { FollowRepository, UserId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { addFollow, removeFollow } from './follow-writes.js';

export class KyselyFollowRepository implements FollowRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async follow(followerId: UserId, followeeId: UserId): Promise<void> {
    await addFollow.rows(this.em(), { followerId, followeeId });
  }

  async unfollow(followerId: UserId, followeeId: UserId): Promise<void> {
    await removeFollow.rows(this.em(), { followerId, followeeId });
  }
}
