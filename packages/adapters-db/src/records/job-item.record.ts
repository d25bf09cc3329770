import { defineEntity, p } from '@mikro-orm/core';
import { JobRecord } from './job.record.js';

/** An item of a job, as received (one JSON text); dropped when the job ends. */
export const JobItemRecord = defineEntity({
  name: 'JobItemRecord',
  tableName: 'job_items',
  properties: {
    job: () => p.manyToOne(JobRecord).primary().deleteRule('cascade'),
    /** 1-based, in the order received; the worker reads on from the job's `processed`. */
    position: p.integer().primary(),
    body: p.text(),
  },
});
