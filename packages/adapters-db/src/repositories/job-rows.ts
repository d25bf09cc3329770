import { isJobStatus, isJobType, type Job, type JobStatus, type JobType, jobId, userId } from '@conduit/domain';
import type { RowOf } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';
import type { selectJobs } from './job-columns.js';

/** A job as every job statement selects it (`jobColumns`): the row type Kysely infers for them. */
type JobRow = RowOf<ReturnType<typeof selectJobs>>;

const toJobType = (value: string): JobType => {
  if (!isJobType(value)) throw new Error(`Unknown job type "${value}" in jobs table`);
  return value;
};

export const toJobStatus = (value: string): JobStatus => {
  if (!isJobStatus(value)) throw new Error(`Unknown job status "${value}" in jobs table`);
  return value;
};

export const jobFromRow = (row: JobRow): Job => ({
  id: jobId(row.id),
  type: toJobType(row.type),
  ownerId: userId(row.owner_id),
  status: toJobStatus(row.status),
  total: row.total,
  processed: row.processed,
  succeeded: row.succeeded,
  failed: row.failed,
  errors: row.errors,
  cancelRequested: row.cancel_requested,
  createdAt: dateFromColumn(row.created_at),
  startedAt: row.started_at === null ? null : dateFromColumn(row.started_at),
  finishedAt: row.finished_at === null ? null : dateFromColumn(row.finished_at),
});
