import { type ItemError, type Job, type JobStatus, type JobType, jobId, userId } from '@conduit/domain';
import { dateFromColumn } from '../kysely/database.js';

export type JobRow = {
  id: string;
  type: string;
  owner_id: number;
  status: string;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  errors: ItemError[];
  cancel_requested: boolean;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

export const jobColumns = [
  'j.id',
  'j.type',
  'j.owner_id',
  'j.status',
  'j.total',
  'j.processed',
  'j.succeeded',
  'j.failed',
  'j.errors',
  'j.cancel_requested',
  'j.created_at',
  'j.started_at',
  'j.finished_at',
] as const;

export const jobFromRow = (row: JobRow): Job => ({
  id: jobId(row.id),
  type: row.type as JobType,
  ownerId: userId(row.owner_id),
  status: row.status as JobStatus,
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
