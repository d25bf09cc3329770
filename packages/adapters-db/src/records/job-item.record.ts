import { defineEntity, p } from '@mikro-orm/core';
import { JobRecord } from './job.record.js';
import { tenantColumn, tenantOwned } from './tenant-column.js';

/**
 * A job's items as received, a block of consecutive ones per row (each item one JSON text, joined
 * by newlines, which JSON text never holds): a large upload is a few hundred rows, not a row per
 * item. Dropped when the job ends.
 */
export const JobItemRecord = defineEntity({
  name: 'JobItemRecord',
  tableName: 'job_items',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    job: () => p.manyToOne(JobRecord).primary().deleteRule('cascade'),
    /** The block's first item, numbered from 1 in the order received. */
    firstItem: p.integer().primary(),
    itemCount: p.integer(),
    body: p.text(),
  },
});
