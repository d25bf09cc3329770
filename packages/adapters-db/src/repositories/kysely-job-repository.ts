import { type Job, type JobChange, type JobId, type JobRepository, type JobStatus, noJobsByStatus, type UserId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { jobFromRow, toJobStatus } from './job-rows.js';
import { counted, dropItems, jobPage, one, saved, statuses } from './job-statements.js';

const timestamp = (date: Date | null): string | null => date?.toISOString() ?? null;

/**
 * Jobs in `jobs` (status and counts), their items in `job_items` until they end. Uploads are `jobs`
 * rows with `received` false, which no read here sees (see KyselyJobUploadRepository).
 */
export class KyselyJobRepository implements JobRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async findById(id: JobId): Promise<Job | null> {
    const row = await one.first(this.em(), { id });
    return row === undefined ? null : jobFromRow(row);
  }

  async list(ownerId: UserId | null, page: { limit: number; offset: number }): Promise<{ jobs: Job[]; count: number }> {
    const em = this.em();
    const [rows, count] = await Promise.all([jobPage.rows(em, { ownerId, ...page }), counted.first(em, { ownerId })]);
    return { jobs: rows.map(jobFromRow), count: Number(count?.count ?? 0) };
  }

  async save({ from, to }: JobChange): Promise<boolean> {
    const em = this.em();
    const row = await saved.first(em, {
      id: to.id,
      fromStatus: from.status,
      fromProcessed: from.processed,
      fromCancelRequested: from.cancelRequested,
      status: to.status,
      processed: to.processed,
      succeeded: to.succeeded,
      failed: to.failed,
      // The kept errors only grow: rewritten only when the change added some.
      errors: from.errors.length === to.errors.length ? null : JSON.stringify(to.errors),
      cancelRequested: to.cancelRequested,
      startedAt: timestamp(to.startedAt),
      finishedAt: timestamp(to.finishedAt),
    });
    if (row === undefined) return false;
    if (to.finishedAt !== null) await dropItems.rows(em, { id: to.id });
    return true;
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const counts = noJobsByStatus();
    for (const row of await statuses.rows(this.em(), {})) counts[toJobStatus(row.status)] = Number(row.count);
    return counts;
  }
}
