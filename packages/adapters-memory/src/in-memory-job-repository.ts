import {
  type Idempotency,
  isFinished,
  type Job,
  type JobChange,
  type JobId,
  type JobItemRepository,
  type JobQueue,
  type JobRepository,
  type JobResultRepository,
  type JobStatus,
  type JobType,
  type JobUploadRepository,
  jobId,
  type KeyHeld,
  noJobsByStatus,
  type UserId,
} from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';
import type { InMemoryStore, StoredJob } from './in-memory-store.js';

const keyOf = (ownerId: UserId, key: string) => `${ownerId}:${key}`;

const received = (store: InMemoryStore, id: JobId): StoredJob | null => {
  const stored = store.jobs.get(id);
  return stored?.received ? stored : null;
};

export class InMemoryJobRepository implements JobRepository {
  constructor(private readonly store: InMemoryStore) {}

  async findById(id: JobId): Promise<Job | null> {
    return received(this.store, id)?.job ?? null;
  }

  async list(ownerId: UserId | null, page: { limit: number; offset: number }): Promise<{ jobs: Job[]; count: number }> {
    const jobs = [...this.store.jobs.values()]
      .filter((stored) => stored.received && (ownerId === null || stored.job.ownerId === ownerId))
      .map((stored) => stored.job)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    return { jobs: jobs.slice(page.offset, page.offset + page.limit), count: jobs.length };
  }

  async save({ from, to }: JobChange): Promise<boolean> {
    const stored = received(this.store, to.id);
    const current = stored?.job;
    if (
      stored === null ||
      current === undefined ||
      current.status !== from.status ||
      current.processed !== from.processed ||
      current.cancelRequested !== from.cancelRequested
    )
      return false;
    this.store.jobs.set(to.id, { ...stored, job: to, items: isFinished(to) ? [] : stored.items });
    return true;
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const counts = noJobsByStatus();
    for (const stored of this.store.jobs.values()) if (stored.received) counts[stored.job.status] += 1;
    return counts;
  }
}

export class InMemoryJobUploadRepository implements JobUploadRepository {
  constructor(private readonly store: InMemoryStore) {}

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

  async discardBefore(cutoff: Date): Promise<number> {
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
    const holder = held && held.createdAt >= since ? received(this.store, held.jobId) : null;
    return held && holder ? { type: 'KeyHeld', job: holder.job, fingerprint: held.fingerprint } : null;
  }
}

export class InMemoryJobItemRepository implements JobItemRepository {
  constructor(private readonly store: InMemoryStore) {}

  async stage(id: JobId, first: number, items: readonly string[]): Promise<void> {
    const stored = this.store.jobs.get(id);
    if (stored === undefined || stored.received) throw new Error(`No upload ${id} to stage items in`);
    stored.items.splice(first - 1, items.length, ...items);
  }

  async read(id: JobId, after: number, limit: number): Promise<string[]> {
    return this.store.jobs.get(id)?.items.slice(after, after + limit) ?? [];
  }
}

/** Announces into the store, so a rolled-back transaction announces nothing (the test drains `store.announced`). */
export class InMemoryJobQueue implements JobQueue {
  constructor(private readonly store: InMemoryStore) {}

  async enqueue(id: JobId): Promise<void> {
    this.store.announced.push(id);
  }
}

export class InMemoryJobResultRepository implements JobResultRepository {
  constructor(private readonly store: InMemoryStore) {}

  async save(id: JobId, document: string, expiresAt: Date): Promise<void> {
    const stored = this.store.jobs.get(id);
    if (stored === undefined) throw new Error(`No job ${id} to keep a result for`);
    this.store.jobs.set(id, { ...stored, result: { document, expiresAt } });
  }

  async find(id: JobId, now: Date): Promise<string | null> {
    const result = this.store.jobs.get(id)?.result;
    return result !== undefined && result.expiresAt > now ? result.document : null;
  }

  async forgetExpired(now: Date): Promise<number> {
    let forgotten = 0;
    for (const [id, stored] of this.store.jobs) {
      if (stored.result !== undefined && stored.result.expiresAt <= now) {
        const { result: _expired, ...rest } = stored;
        this.store.jobs.set(id, rest);
        forgotten += 1;
      }
    }
    return forgotten;
  }
}
