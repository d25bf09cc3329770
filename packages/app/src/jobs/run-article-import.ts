import { type BatchOutcome, isFinished, type Job, type JobId, recordBatch, userActor } from '@conduit/domain';
import { err, ok } from 'neverthrow';
import { IMPORT_BATCH_SIZE, itemAuthors, parseItem, writeImportBatch } from '../articles/import-batch.js';
import { asyncResult } from '../async-result.js';
import type { AppDeps } from '../deps.js';

/**
 * finished: the job has ended (now, or before this run); handed-back: stopped at `signal` between
 * batches, to be run again; superseded: another run applied the next batch first, so this one stops.
 */
export type RunOutcome = 'finished' | 'handed-back' | 'superseded';

export type RunOptions = {
  /** Asks the run to stop after the batch in hand (shutdown); the job stays running, to be resumed. */
  readonly signal?: { readonly aborted: boolean };
  /** Called after each committed batch. */
  readonly onBatch?: (batch: BatchOutcome) => void;
};

/**
 * Applies a queued (or interrupted) import, batch by batch, each item by the same rules as
 * POST /api/articles and under the job owner's rights as they are now (an item naming another
 * author needs an admin). Each batch's articles and the job's progress commit in one transaction,
 * guarded by the progress the batch started from: after a crash the job resumes where its last
 * commit left it, and two runs of one job never apply an item twice. A cancel is seen at the next
 * commit, which then does not happen: the items applied are exactly those counted.
 */
export const makeRunArticleImport =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock' | 'suffixes'>) =>
  async (id: JobId, options: RunOptions = {}): Promise<RunOutcome> => {
    const { jobs } = deps.repositories;
    const end = async (status: 'succeeded' | 'failed' | 'canceled'): Promise<RunOutcome> => {
      await jobs.finish(id, status, deps.clock.now());
      return 'finished';
    };
    const found = await jobs.findById(id);
    if (found === null || isFinished(found)) return 'finished';
    if (found.cancelRequested) return end('canceled');
    let job: Job | null = await jobs.start(id, deps.clock.now());
    if (job === null) return 'finished';
    const owner = await deps.repositories.users.findById(job.ownerId);
    if (owner === null) return end('failed');
    const authorOf = itemAuthors(userActor(owner.id, owner.role), owner);
    for (;;) {
      if (options.signal?.aborted) return 'handed-back';
      const texts = await jobs.items(id, job.processed, IMPORT_BATCH_SIZE);
      if (texts.length === 0) return end('succeeded');
      const before: Job = job;
      const saved = await deps.unitOfWork.run((repositories) =>
        asyncResult(async () => {
          const written = await writeImportBatch(repositories, texts.map(parseItem), before.processed + 1, authorOf, deps);
          const batch = { items: texts.length, ...written };
          const next = recordBatch(before, batch);
          return (await repositories.jobs.saveProgress(next, before)) ? ok({ next, batch }) : err('not saved' as const);
        }),
      );
      if (saved.isErr()) {
        const now = await jobs.findById(id);
        if (now === null || isFinished(now)) return 'finished';
        if (now.cancelRequested) return end('canceled');
        return 'superseded';
      }
      job = saved.value.next;
      options.onBatch?.(saved.value.batch);
    }
  };
