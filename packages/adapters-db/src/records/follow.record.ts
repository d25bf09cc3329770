import { defineEntity, p } from '@mikro-orm/core';
import { tenantColumn, tenantOwned } from './tenant-column.js';
import { UserRecord } from './user.record.js';

export const FollowRecord = defineEntity({
  name: 'FollowRecord',
  tableName: 'follows',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    follower: () => p.manyToOne(UserRecord).primary().deleteRule('cascade'),
    // Indexed for "who follows this author" lookups; the primary key covers the other direction.
    followee: () => p.manyToOne(UserRecord).primary().deleteRule('cascade').index('follows_followee_index'),
  },
});
