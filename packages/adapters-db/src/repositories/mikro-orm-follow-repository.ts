import type { FollowRepository, UserId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { FollowRecord } from '../records/follow.record.js';

export class MikroOrmFollowRepository implements FollowRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async follow(followerId: UserId, followeeId: UserId): Promise<void> {
    // ON CONFLICT DO NOTHING: idempotent even when two requests race.
    await this.em()
      .createQueryBuilder(FollowRecord)
      .insert({ follower: followerId, followee: followeeId })
      .onConflict(['follower', 'followee'])
      .ignore()
      .execute();
  }

  async unfollow(followerId: UserId, followeeId: UserId): Promise<void> {
    await this.em().nativeDelete(FollowRecord, { follower: followerId, followee: followeeId });
  }
}
