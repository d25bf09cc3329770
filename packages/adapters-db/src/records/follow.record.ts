import { defineEntity, p } from '@mikro-orm/core';
import { UserRecord } from './user.record.js';

export const FollowRecord = defineEntity({
  name: 'FollowRecord',
  tableName: 'follows',
  properties: {
    follower: () => p.manyToOne(UserRecord).primary().deleteRule('cascade'),
    // Indexed for "who follows this author" lookups; the primary key covers the other direction.
    followee: () => p.manyToOne(UserRecord).primary().deleteRule('cascade').index('follows_followee_index'),
  },
});
