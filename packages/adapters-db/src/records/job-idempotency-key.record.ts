import { defineEntity, p } from '@mikro-orm/core';
import { JobRecord } from './job.record.js';
import { tenantColumn, tenantOwned } from './tenant-column.js';
import { UserRecord } from './user.record.js';

/**
 * An owner's `Idempotency-Key` and the job it created: the primary key makes two requests with one
 * key create one job, whichever commits first; past 24 hours a new request takes the key over.
 */
export const JobIdempotencyKeyRecord = defineEntity({
  name: 'JobIdempotencyKeyRecord',
  tableName: 'job_idempotency_keys',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    owner: () => p.manyToOne(UserRecord).primary().deleteRule('cascade'),
    key: p.string().length(255).primary(),
    // Dropping a job (a discarded upload) finds its key by this index.
    job: () => p.manyToOne(JobRecord).deleteRule('cascade').index('job_idempotency_keys_job_index'),
    /** SHA-256 of the request's body: the same key with another body is refused. */
    fingerprint: p.string().length(64),
    createdAt: p.datetime(3),
  },
});
