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
    followee: () => p.manyToOne(UserRecord).primary().deleteRule('cascade'),
  },
  // Both directions carry the row's tenant, so the lookups row-level security adds `tenant_id = …`
  // to stay index-only scans (migration `tenant_covering_indexes`): "who follows this author", and
  // "does this reader follow this author" (beside the primary key, whose INCLUDE MikroORM drops).
  indexes: [
    {
      name: 'follows_followee_index',
      expression: 'create index "follows_followee_index" on "follows" ("followee_id") include ("tenant_id")',
    },
    {
      name: 'follows_follower_index',
      expression: 'create index "follows_follower_index" on "follows" ("follower_id", "followee_id") include ("tenant_id")',
    },
  ],
});
