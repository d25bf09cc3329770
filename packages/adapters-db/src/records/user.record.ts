import { defineEntity, p } from '@mikro-orm/core';
import { tenantColumn, tenantOwned } from './tenant-column.js';

export const UserRecord = defineEntity({
  name: 'UserRecord',
  tableName: 'users',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    id: p.integer().primary().autoincrement(),
    username: p.string().length(64),
    email: p.string().length(254),
    passwordHash: p.string().length(255),
    bio: p.text().nullable(),
    image: p.string().length(2048).nullable(),
    role: p.string().length(16).default('user'),
    /** Who assigned the current role (the CLI's --operator) and when; null for the sign-up role. */
    roleAssignedBy: p.string().length(255).nullable(),
    roleAssignedAt: p.datetime(3).nullable(),
    /** Set while the account is locked: who locked it (an operator's name or `user:<id>`), when and why. */
    lockedBy: p.string().length(255).nullable(),
    lockedAt: p.datetime(3).nullable(),
    lockedReason: p.string().length(500).nullable(),
    /** Maintained by the article repository; the feed's total is a sum of these. */
    articlesCount: p.integer().default(0),
  },
  // Usernames and emails are unique within a publication: one person may join several.
  uniques: [
    { name: 'users_tenant_username_unique', properties: ['tenantId', 'username'] },
    { name: 'users_tenant_email_unique', properties: ['tenantId', 'email'] },
  ],
  // The total of every list of all articles is the sum of its tenant's authors' counts: read from
  // this index alone, with the tenant as its key (migration `tenant_covering_indexes`).
  indexes: [
    {
      name: 'users_tenant_articles_count_index',
      expression: 'create index "users_tenant_articles_count_index" on "users" ("tenant_id") include ("articles_count")',
    },
  ],
});

export type UserRecord = InstanceType<typeof UserRecord.class>;
