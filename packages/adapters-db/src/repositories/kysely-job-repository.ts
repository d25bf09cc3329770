import {
  type Authorized,
  assertAuthorized,
  type Idempotency,
  type Job,
  type JobId,
  type JobRepository,
  type JobStatus,
  type JobType,
  jobId,
  type KeyHeld,
  noJobsByStatus,
  type UserId,
  userId,
} from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';
import type { EntityManagerSource } from '../entity-manager.js';
import { jobFromRow } from './job-rows.js';
import { cancelAsked, counted, dropItems, finished, itemBlocks, jobPage, one, progressed, started, statuses } from './job-statements.js';
import { abandoned, claimed, discarded, held, opened, queued, staged, uploadOwner } from './job-upload-statements.js';

/**
 * Jobs in three tables: `jobs` (status and counts), `job_items` (the items as received, until the
 * job ends) and `job_idempotency_keys`. Uploads are `jobs` rows with `received` false. The
 * statements live by role: uploads (job-upload-statements.ts), jobs and their items (job-statements.ts).
 */
export class KyselyJobRepository implements JobRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async open(upload: { type: JobType; ownerId: UserId; createdAt: Date }): Promise<JobId> {
    const row = await opened.first(this.em(), { ...upload, createdAt: upload.createdAt.toISOString() });
    if (row === undefined) throw new Error('The new job was not stored');
    return jobId(row.id);
  }

  async stage(id: JobId, first: number, items: readonly string[]): Promise<void> {
    if (items.length === 0) return;
    if (items.some((item) => item.includes('\n'))) throw new Error('A job item must be one line of JSON text');
    await staged.rows(this.em(), { id, first, count: items.length, body: items.join('\n') });
  }

  async queue(id: JobId, total: number, idempotency: Idempotency | null, keysSince: Date): Promise<Result<Job, KeyHeld>> {
    const em = this.em();
    if (idempotency !== null) {
      const upload = await uploadOwner.first(em, { id });
      if (upload === undefined) throw new Error(`No upload ${id}`);
      const values = { ownerId: userId(upload.owner_id), key: idempotency.key, since: keysSince.toISOString() };
      const claim = await claimed.first(em, { ...values, id, fingerprint: idempotency.fingerprint, createdAt: upload.created_at });
      if (claim === undefined) {
        const holder = await held.first(em, values);
        if (holder === undefined) throw new Error(`Idempotency key of job ${id}: held, but by no job`);
        return err({ type: 'KeyHeld', job: jobFromRow(holder), fingerprint: holder.fingerprint });
      }
    }
    const row = await queued.first(em, { id, total });
    if (row === undefined) throw new Error(`No upload ${id}`);
    return ok(jobFromRow(row));
  }

  async discard(id: JobId): Promise<void> {
    await discarded.rows(this.em(), { id });
  }

  async discardUploadsBefore(cutoff: Date): Promise<number> {
    return (await abandoned.rows(this.em(), { cutoff: cutoff.toISOString() })).length;
  }

  async findByIdempotencyKey(ownerId: UserId, key: string, since: Date): Promise<KeyHeld | null> {
    const row = await held.first(this.em(), { ownerId, key, since: since.toISOString() });
    return row === undefined ? null : { type: 'KeyHeld', job: jobFromRow(row), fingerprint: row.fingerprint };
  }

  async findById(id: JobId): Promise<Job | null> {
    const row = await one.first(this.em(), { id });
    return row === undefined ? null : jobFromRow(row);
  }

  async list(ownerId: UserId | null, page: { limit: number; offset: number }): Promise<{ jobs: Job[]; count: number }> {
    const em = this.em();
    const [rows, count] = await Promise.all([jobPage.rows(em, { ownerId, ...page }), counted.first(em, { ownerId })]);
    return { jobs: rows.map(jobFromRow), count: Number(count?.count ?? 0) };
  }

  async items(id: JobId, after: number, limit: number): Promise<string[]> {
    const blocks = await itemBlocks.rows(this.em(), { id, after, last: after + limit });
    const items: string[] = [];
    for (const block of blocks) {
      const lines = block.body.split('\n');
      const from = Math.max(after + 1 - block.first_item, 0);
      items.push(...lines.slice(from, from + limit - items.length));
    }
    return items;
  }

  async start(id: JobId, now: Date): Promise<Job | null> {
    const row = await started.first(this.em(), { id, now: now.toISOString() });
    return row === undefined ? null : jobFromRow(row);
  }

  async saveProgress(job: Job, from: Job): Promise<boolean> {
    // The kept errors are rewritten only when the batch added some.
    const errorsChanged = from.errors.length !== job.errors.length;
    const row = await progressed.first(this.em(), {
      id: job.id,
      expected: from.processed,
      processed: job.processed,
      succeeded: job.succeeded,
      failed: job.failed,
      errors: errorsChanged ? JSON.stringify(job.errors) : null,
    });
    return row !== undefined;
  }

  async finish(id: JobId, status: 'succeeded' | 'failed' | 'canceled', now: Date): Promise<Job | null> {
    const em = this.em();
    const row = await finished.first(em, { id, status, now: now.toISOString() });
    if (row === undefined) return null;
    await dropItems.rows(em, { id });
    return jobFromRow(row);
  }

  async requestCancel(id: JobId, now: Date, allowed: Authorized<'job:cancel'>): Promise<Job | null> {
    assertAuthorized(allowed, 'job:cancel', id);
    const em = this.em();
    const row = await cancelAsked.first(em, { id, now: now.toISOString() });
    if (row === undefined) return null;
    if (row.status === 'canceled') await dropItems.rows(em, { id });
    return jobFromRow(row);
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const counts = noJobsByStatus();
    for (const row of await statuses.rows(this.em(), {})) {
      if (row.status in counts) counts[row.status as JobStatus] = Number(row.count);
    }
    return counts;
  }
}
