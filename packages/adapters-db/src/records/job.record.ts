import { defineEntity, p } from '@mikro-orm/core';
import { tenantColumn, tenantOwned } from './tenant-column.js';
import { UserRecord } from './user.record.js';

/** Refused items as stored: `[{"item": 7, "errors": {"title": ["can't be blank"]}}]`, at most 1,000. */
export type ItemErrorsColumn = { item: number; errors: Record<string, string[]> }[];

export const JobRecord = defineEntity({
  name: 'JobRecord',
  tableName: 'jobs',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    id: p.uuid().primary(),
    type: p.string().length(32),
    owner: () => p.manyToOne(UserRecord).deleteRule('cascade'),
    status: p.string().length(16),
    /** False while the upload arrives: every read skips it until it is received whole. */
    received: p.boolean().default(false),
    total: p.integer().default(0),
    processed: p.integer().default(0),
    succeeded: p.integer().default(0),
    failed: p.integer().default(0),
    errors: p.json<ItemErrorsColumn>().default('[]'),
    cancelRequested: p.boolean().default(false),
    createdAt: p.datetime(3),
    startedAt: p.datetime(3).nullable(),
    finishedAt: p.datetime(3).nullable(),
  },
  // An owner's jobs, newest first.
  indexes: [
    {
      name: 'jobs_owner_created_at_index',
      expression: 'create index "jobs_owner_created_at_index" on "jobs" ("owner_id", "created_at" desc, "id" desc)',
    },
  ],
});

export type JobRecord = InstanceType<typeof JobRecord.class>;
