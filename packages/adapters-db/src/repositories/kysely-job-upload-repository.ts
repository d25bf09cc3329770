import {
  type Idempotency,
  type Job,
  type JobId,
  type JobType,
  type JobUploadRepository,
  jobId,
  type KeyHeld,
  type UserId,
  userId,
} from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';
import type { EntityManagerSource } from '../entity-manager.js';
import { jobFromRow } from './job-rows.js';
import { abandoned, claimed, discarded, held, opened, queued, uploadOwner } from './job-upload-statements.js';

/** Uploads are `jobs` rows with `received` false; a key claimed by a job is in `job_idempotency_keys`. */
export class KyselyJobUploadRepository implements JobUploadRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async open(upload: { type: JobType; ownerId: UserId; createdAt: Date }): Promise<JobId> {
    const row = await opened.first(this.em(), { ...upload, createdAt: upload.createdAt.toISOString() });
    if (row === undefined) throw new Error('The new job was not stored');
    return jobId(row.id);
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

  async discardBefore(cutoff: Date): Promise<number> {
    return (await abandoned.rows(this.em(), { cutoff: cutoff.toISOString() })).length;
  }

  async findByIdempotencyKey(ownerId: UserId, key: string, since: Date): Promise<KeyHeld | null> {
    const row = await held.first(this.em(), { ownerId, key, since: since.toISOString() });
    return row === undefined ? null : { type: 'KeyHeld', job: jobFromRow(row), fingerprint: row.fingerprint };
  }
}
