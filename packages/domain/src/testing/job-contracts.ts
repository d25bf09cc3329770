import { type Result, ResultAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { failJob, type JobChange, recordBatch, requestJobCancel, startJob, succeedJob } from '../jobs/job-transitions.js';
import type { UserId } from '../shared/ids.js';
import { authorizedForTest } from './authorized.js';

import type { ContractContext } from './contract-context.js';

const at = (iso: string) => new Date(iso);

export const describeJobContracts = (contract: ContractContext) => {
  describe('JobUploadRepository, JobItemRepository, JobRepository', () => {
    const t0 = at('2026-01-01T10:00:00.000Z');
    const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const open = (ownerId: UserId, createdAt = t0) =>
      contract.fx.repositories.jobUploads.open({ type: 'article-import', ownerId, createdAt });
    const received = async (ownerId: UserId, items: string[], createdAt = t0) => {
      const id = await open(ownerId, createdAt);
      await contract.fx.repositories.jobItems.stage(id, 1, items);
      return (await contract.fx.repositories.jobUploads.queue(id, items.length, null, t0))._unsafeUnwrap();
    };
    /** Applies a transition to the job as stored and saves it: whether the save won. */
    const saved = async (change: Result<JobChange, unknown>) => contract.fx.repositories.jobs.save(change._unsafeUnwrap());

    it('keeps a job result until it expires, replaces it when saved again, and forgets it after', async () => {
      const owner = await contract.addUser();
      const job = await received(owner.id, ['x']);
      expect(await contract.fx.repositories.jobResults.find(job.id, t0)).toBeNull();
      await contract.fx.repositories.jobResults.save(job.id, '{"first":true}', later(60));
      await contract.fx.repositories.jobResults.save(job.id, '{"a":"é"}', later(60));
      expect(await contract.fx.repositories.jobResults.find(job.id, later(59))).toBe('{"a":"é"}');
      expect(await contract.fx.repositories.jobResults.find(job.id, later(60))).toBeNull();
      expect(await contract.fx.repositories.jobResults.forgetExpired(later(59))).toBe(0);
      expect(await contract.fx.repositories.jobResults.forgetExpired(later(60))).toBe(1);
      expect(await contract.fx.repositories.jobResults.find(job.id, t0)).toBeNull();
    });

    it('keeps an upload invisible until it is queued, then reads its items in order from any point', async () => {
      const owner = await contract.addUser();
      const id = await open(owner.id);
      await contract.fx.repositories.jobItems.stage(id, 1, ['a', 'b']);
      await contract.fx.repositories.jobItems.stage(id, 3, ['c']);
      expect(await contract.fx.repositories.jobs.findById(id)).toBeNull();
      expect((await contract.fx.repositories.jobs.list(owner.id, { limit: 10, offset: 0 })).count).toBe(0);
      const job = (await contract.fx.repositories.jobUploads.queue(id, 3, null, t0))._unsafeUnwrap();
      expect(job).toMatchObject({ id, status: 'queued', total: 3, processed: 0, errors: [], cancelRequested: false, startedAt: null });
      expect(await contract.fx.repositories.jobs.findById(id)).toEqual(job);
      expect(await contract.fx.repositories.jobItems.read(id, 0, 2)).toEqual(['a', 'b']);
      expect(await contract.fx.repositories.jobItems.read(id, 2, 250)).toEqual(['c']);
      // Across the chunks they were staged in.
      expect(await contract.fx.repositories.jobItems.read(id, 1, 2)).toEqual(['b', 'c']);
      expect(await contract.fx.repositories.jobItems.read(id, 3, 250)).toEqual([]);
    });

    it('discards an upload, never a received job', async () => {
      const owner = await contract.addUser();
      const upload = await open(owner.id);
      await contract.fx.repositories.jobItems.stage(upload, 1, ['a']);
      await contract.fx.repositories.jobUploads.discard(upload);
      expect(await contract.fx.repositories.jobItems.read(upload, 0, 10)).toEqual([]);
      const job = await received(owner.id, ['a']);
      await contract.fx.repositories.jobUploads.discard(job.id);
      expect(await contract.fx.repositories.jobs.findById(job.id)).toEqual(job);
    });

    it('drops uploads opened before a cutoff and never received, and nothing else', async () => {
      const owner = await contract.addUser();
      const old = await open(owner.id);
      await contract.fx.repositories.jobItems.stage(old, 1, ['a']);
      const recent = await open(owner.id, later(60));
      const job = await received(owner.id, ['a']);
      expect(await contract.fx.repositories.jobUploads.discardBefore(later(30))).toBe(1);
      expect(await contract.fx.repositories.jobItems.read(old, 0, 10)).toEqual([]);
      expect((await contract.fx.repositories.jobUploads.queue(recent, 0, null, t0)).isOk()).toBe(true);
      expect(await contract.fx.repositories.jobs.findById(job.id)).toEqual(job);
    });

    it('gives one idempotency key to one of two uploads queued at once', async () => {
      const owner = await contract.addUser();
      const uploads = await Promise.all([1, 2].map(() => open(owner.id)));
      const outcomes = await Promise.all(
        uploads.map((id, index) =>
          contract.fx.unitOfWork.run((repositories) =>
            ResultAsync.fromSafePromise(repositories.jobUploads.queue(id, 0, { key: 'same', fingerprint: `f${index}` }, t0)).andThen(
              (r) => r,
            ),
          ),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.isOk())).toHaveLength(1);
      const held = outcomes.find((outcome) => outcome.isErr());
      expect(held?._unsafeUnwrapErr().job.id).toBe(outcomes.find((outcome) => outcome.isOk())?._unsafeUnwrap().id);
    });

    it("lists an owner's jobs newest first with their count, or everyone's", async () => {
      const owner = await contract.addUser();
      const other = await contract.addUser();
      const first = await received(owner.id, ['a'], later(1));
      const second = await received(owner.id, ['a'], later(2));
      const others = await received(other.id, ['a'], later(3));
      const mine = await contract.fx.repositories.jobs.list(owner.id, { limit: 1, offset: 0 });
      expect(mine).toEqual({ jobs: [second], count: 2 });
      expect((await contract.fx.repositories.jobs.list(owner.id, { limit: 5, offset: 1 })).jobs).toEqual([first]);
      expect((await contract.fx.repositories.jobs.list(null, { limit: 5, offset: 0 })).jobs.map((job) => job.id)).toEqual([
        others.id,
        second.id,
        first.id,
      ]);
    });

    it('gives an idempotency key to the first job that claims it, within the window', async () => {
      const owner = await contract.addUser();
      const other = await contract.addUser();
      const claim = async (ownerId: UserId, fingerprint: string, createdAt: Date, since: Date) => {
        const id = await open(ownerId, createdAt);
        return { id, result: await contract.fx.repositories.jobUploads.queue(id, 0, { key: 'k-1', fingerprint }, since) };
      };
      const first = await claim(owner.id, 'f1', t0, t0);
      const job = first.result._unsafeUnwrap();
      const second = await claim(owner.id, 'f2', later(5), t0);
      expect(second.result._unsafeUnwrapErr()).toEqual({ type: 'KeyHeld', job, fingerprint: 'f1' });
      expect(await contract.fx.repositories.jobUploads.findByIdempotencyKey(owner.id, 'k-1', t0)).toEqual({
        type: 'KeyHeld',
        job,
        fingerprint: 'f1',
      });
      // Keys are per owner.
      expect((await claim(other.id, 'f3', later(5), t0)).result.isOk()).toBe(true);
      // Past the window the key is free again, and the new job takes it over.
      expect(await contract.fx.repositories.jobUploads.findByIdempotencyKey(owner.id, 'k-1', later(1))).toBeNull();
      const third = await claim(owner.id, 'f4', later(10), later(1));
      expect(third.result._unsafeUnwrap().id).toBe(third.id);
      expect((await contract.fx.repositories.jobUploads.findByIdempotencyKey(owner.id, 'k-1', later(1)))?.fingerprint).toBe('f4');
    });

    it('saves a transition only over the state it was computed from, and drops the items of a job that ended', async () => {
      const owner = await contract.addUser();
      const job = await received(owner.id, ['a', 'b', 'c']);
      const start = startJob(job, later(1))._unsafeUnwrap();
      expect(await contract.fx.repositories.jobs.save(start)).toBe(true);
      const running = start.to;
      expect(await contract.fx.repositories.jobs.findById(job.id)).toEqual(running);
      // A second start computed from the queued job loses: the job is running now.
      expect(await saved(startJob(job, later(2)))).toBe(false);
      const errors = [{ item: 2, errors: { title: ["can't be blank"] } }];
      const batch = recordBatch(running, { items: 2, written: 1, refused: errors })._unsafeUnwrap();
      expect(await contract.fx.repositories.jobs.save(batch)).toBe(true);
      // The same batch again (another run of the job) is refused.
      expect(await contract.fx.repositories.jobs.save(batch)).toBe(false);
      expect(await contract.fx.repositories.jobs.findById(job.id)).toEqual(batch.to);
      // A batch that adds no errors keeps the stored ones.
      const quiet = recordBatch(batch.to, { items: 1, written: 1, refused: [] })._unsafeUnwrap();
      expect(await contract.fx.repositories.jobs.save(quiet)).toBe(true);
      expect(await contract.fx.repositories.jobs.findById(job.id)).toEqual({ ...quiet.to, errors });
      expect(await saved(succeedJob(quiet.to, later(3)))).toBe(true);
      expect(await contract.fx.repositories.jobs.findById(job.id)).toMatchObject({
        status: 'succeeded',
        finishedAt: later(3),
        processed: 3,
      });
      expect(await contract.fx.repositories.jobItems.read(job.id, 0, 10)).toEqual([]);
      expect(await saved(failJob(quiet.to, later(4)))).toBe(false);
    });

    it('cancels a queued job at once; a cancel asked of a running one stops its next batch from saving', async () => {
      const owner = await contract.addUser();
      const queued = await received(owner.id, ['a']);
      expect(await saved(requestJobCancel(queued, later(1), authorizedForTest('job:cancel', queued.id)))).toBe(true);
      expect(await contract.fx.repositories.jobs.findById(queued.id)).toMatchObject({ status: 'canceled', finishedAt: later(1) });
      expect(await contract.fx.repositories.jobItems.read(queued.id, 0, 10)).toEqual([]);
      const job = await received(owner.id, ['a']);
      const running = startJob(job, later(1))._unsafeUnwrap();
      await contract.fx.repositories.jobs.save(running);
      expect(await saved(requestJobCancel(running.to, later(2), authorizedForTest('job:cancel', job.id)))).toBe(true);
      expect(await contract.fx.repositories.jobs.findById(job.id)).toMatchObject({ status: 'running', cancelRequested: true });
      expect(await saved(recordBatch(running.to, { items: 1, written: 1, refused: [] }))).toBe(false);
      expect(await contract.fx.repositories.jobs.countByStatus()).toEqual({ queued: 0, running: 1, succeeded: 0, failed: 0, canceled: 1 });
    });
  });
};
