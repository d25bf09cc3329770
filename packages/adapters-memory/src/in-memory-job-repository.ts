import {
  type Authorized,
  assertAuthorized,
  type Idempotency,
  isFinished,
  type Job,
  type JobId,
  type JobQueue,
  type JobRepository,
  type JobStatus,
  type JobType,
  jobId,
  type KeyHeld,
  noJobsByStatus,
  type UserId,
} from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';
import type { InMemoryStore, StoredJob } from './in-memory-store.js';

const keyOf = (ownerId: UserId, key: string) => `${ownerId}:${key}`;

export class InMemoryJobRepository implements JobRepository {
  constructor(private readonly store: InMemoryStore) {}

  private received(id: JobId): StoredJob | null {
    const stored = this.store.jobs.get(id);
    return stored?.received ? stored : null;
  }

  private replace(id: JobId, change: (job: Job) => Job): Job | null {
    const stored = this.store.jobs.get(id);
    if (stored === undefined) return null;
    const job = change(stored.job);
    this.store.jobs.set(id, { ...stored, job });
    return job;
  }

  async open(upload: { type: JobType; ownerId: UserId; createdAt: Date }): Promise<JobId> {
    // Deterministic UUIDs (tests can name them); unique within the store.
    const id = jobId(`00000000-0000-4000-8000-${String(this.store.nextId()).padStart(12, '0')}`);
    const job: Job = {
      id,
      type: upload.type,
      ownerId: upload.ownerId,
      status: 'queued',
      total: 0,
      processed: 0,
      succeeded: 0,
      failed: 0,
      errors: [],
      cancelRequested: false,
      createdAt: upload.createdAt,
      startedAt: null,
      finishedAt: null,
    };
    this.store.jobs.set(id, { job, received: false, items: [] });
    return id;
  }

  async stage(id: JobId, first: number, items: readonly string[]): Promise<void> {
    const stored = this.store.jobs.get(id);
    if (stored === undefined || stored.received) throw new Error(`No upload ${id} to stage items in`);
    stored.items.splice(first - 1, items.length, ...items);
  }

  async queue(id: JobId, total: number, idempotency: Idempotency | null, keysSince: Date): Promise<Result<Job, KeyHeld>> {
    const stored = this.store.jobs.get(id);
    if (stored === undefined) throw new Error(`No upload ${id}`);
    if (idempotency !== null) {
      const held = await this.findByIdempotencyKey(stored.job.ownerId, idempotency.key, keysSince);
      if (held !== null) return err(held);
      this.store.idempotencyKeys.set(keyOf(stored.job.ownerId, idempotency.key), {
        jobId: id,
        fingerprint: idempotency.fingerprint,
        createdAt: stored.job.createdAt,
      });
    }
    const job = { ...stored.job, total };
    this.store.jobs.set(id, { ...stored, job, received: true });
    return ok(job);
  }

  async discard(id: JobId): Promise<void> {
    if (this.store.jobs.get(id)?.received === false) this.store.jobs.delete(id);
  }

  async discardUploadsBefore(cutoff: Date): Promise<number> {
    let dropped = 0;
    for (const [id, stored] of this.store.jobs) {
      if (!stored.received && stored.job.createdAt < cutoff) {
        this.store.jobs.delete(id);
        dropped += 1;
      }
    }
    return dropped;
  }

  async findByIdempotencyKey(ownerId: UserId, key: string, since: Date): Promise<KeyHeld | null> {
    const held = this.store.idempotencyKeys.get(keyOf(ownerId, key));
    const holder = held && held.createdAt >= since ? this.received(held.jobId) : null;
    return held && holder ? { type: 'KeyHeld', job: holder.job, fingerprint: held.fingerprint } : null;
  }

  async findById(id: JobId): Promise<Job | null> {
    return this.received(id)?.job ?? null;
  }

  async list(ownerId: UserId | null, page: { limit: number; offset: number }): Promise<{ jobs: Job[]; count: number }> {
    const jobs = [...this.store.jobs.values()]
      .filter((stored) => stored.received && (ownerId === null || stored.job.ownerId === ownerId))
      .map((stored) => stored.job)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    return { jobs: jobs.slice(page.offset, page.offset + page.limit), count: jobs.length };
  }

  async items(id: JobId, after: number, limit: number): Promise<string[]> {
    return this.received(id)?.items.slice(after, after + limit) ?? [];
  }

  async start(id: JobId, now: Date): Promise<Job | null> {
    const job = this.received(id)?.job;
    if (job === undefined || isFinished(job)) return null;
    return this.replace(id, (current) => ({ ...current, status: 'running', startedAt: current.startedAt ?? now }));
  }

  async saveProgress(job: Job, from: Job): Promise<boolean> {
    const current = this.received(job.id)?.job;
    if (current?.status !== 'running' || current.processed !== from.processed || current.cancelRequested) return false;
    this.replace(job.id, (stored) => ({
      ...stored,
      processed: job.processed,
      succeeded: job.succeeded,
      failed: job.failed,
      errors: job.errors,
    }));
    return true;
  }

  async finish(id: JobId, status: 'succeeded' | 'failed' | 'canceled', now: Date): Promise<Job | null> {
    const stored = this.received(id);
    if (stored === null || isFinished(stored.job)) return null;
    const job = { ...stored.job, status, finishedAt: now };
    this.store.jobs.set(id, { job, received: true, items: [] });
    return job;
  }

  async requestCancel(id: JobId, now: Date, allowed: Authorized<'job:cancel'>): Promise<Job | null> {
    assertAuthorized(allowed, 'job:cancel', id);
    const job = this.received(id)?.job;
    if (job === undefined || isFinished(job)) return null;
    if (job.status === 'queued') return this.finish(id, 'canceled', now);
    return this.replace(id, (current) => ({ ...current, cancelRequested: true }));
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const counts = noJobsByStatus();
    for (const stored of this.store.jobs.values()) if (stored.received) counts[stored.job.status] += 1;
    return counts;
  }
}

/** Announces into the store, so a rolled-back transaction announces nothing (the test drains `store.announced`). */
export class InMemoryJobQueue implements JobQueue {
  constructor(private readonly store: InMemoryStore) {}

  async enqueue(id: JobId): Promise<void> {
    this.store.announced.push(id);
  }
}
