import { defineEntity, p } from '@mikro-orm/core';
import { JobRecord } from './job.record.js';
import { tenantColumn, tenantOwned } from './tenant-column.js';

/**
 * What a finished job produced (an account export's JSON document), for its owner to download
 * until `expires_at`; the periodic sweep forgets it after, and it goes with its job.
 */
export const JobResultRecord = defineEntity({
  name: 'JobResultRecord',
  tableName: 'job_results',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    job: () => p.manyToOne(JobRecord).primary().deleteRule('cascade'),
    document: p.text(),
    // The sweep finds expired results by this index.
    expiresAt: p.datetime(3).index('job_results_expires_at_index'),
  },
});
