import {
  type BatchOutcome,
  endCanceledJob,
  failJob,
  handBackJob,
  isFinished,
  type Job,
  type JobChange,
  type JobId,
  publishAsSelf,
  recordBatch,
  startJob,
  succeedJob,
  userActor,
} from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';
import { IMPORT_BATCH_SIZE, itemAuthors, parseItem, writeImportBatch } from '../articles/import-batch.js';
import { asyncResult } from '../async-result.js';
import type { AppDeps } from '../deps.js';
import { advanceJob, saveJobChange } from './advance-job.js';

/**
 * finished: the job has ended (now, or before this run); handed-back: stopped at `signal` between
 * batches, queued again to be run later; superseded: another run moved the job first, so this one stops.
 */
export type RunOutcome = 'finished' | 'handed-back' | 'superseded';

export type RunOptions = {
  /** Asks the run to stop after the batch in hand (shutdown): the job is queued again, to be resumed. */
  readonly signal?: { readonly aborted: boolean };
  /** Called after each committed batch. */
  readonly onBatch?: (batch: BatchOutcome) => void;
};

/**
 * Applies a queued (or interrupted) import, batch by batch, each item by the same rules as
 * POST /api/articles and under the job owner's rights as they are now (an item naming another
 * author needs an admin). Every step is one of the domain's job transitions. Each batch's articles
 * and the job's progress commit in one transaction, saved over the progress the batch started
 * from: after a crash the job resumes where its last commit left it, and two runs of one job never
 * apply an item twice. A cancel is seen at the next save, which then does not happen: the items
 * applied are exactly those counted.
 */
export const makeRunArticleImport =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock' | 'suffixes'>) =>
  async (id: JobId, options: RunOptions = {}): Promise<RunOutcome> => {
    const { jobs, jobItems } = deps.repositories;
    const now = () => deps.clock.now();
    /** Ends the job: now, or it had ended already (by whoever); finished either way. */
    const end = async (transition: (job: Job) => Result<JobChange, unknown>): Promise<RunOutcome> =>
      (await advanceJob(deps.unitOfWork, id, transition)).match(
        () => 'finished',
        () => 'finished',
      );
    /** The job moved under this run: it ended, a cancel was asked (honoured here), or another run has it. */
    const lostRace = async (): Promise<RunOutcome> => {
      const current = await jobs.findById(id);
      if (current === null || isFinished(current)) return 'finished';
      return current.cancelRequested ? end((job) => endCanceledJob(job, now())) : 'superseded';
    };

    const started = await advanceJob(
      deps.unitOfWork,
      id,
      (job): Result<JobChange, unknown> => (job.cancelRequested ? endCanceledJob(job, now()) : startJob(job, now())),
    );
    if (started.isErr() || isFinished(started.value)) return 'finished';
    let job = started.value;
    const owner = await deps.repositories.users.findById(job.ownerId);
    if (owner === null) return end((current) => failJob(current, now()));
    const actor = userActor(owner.id, owner.role);
    const authorOf = itemAuthors(actor, { user: owner, allowed: publishAsSelf(actor) });
    for (;;) {
      if (options.signal?.aborted) {
        // Queued again, unless it ended meanwhile (a cancel of a queued job ends it at once).
        const handedBack = await advanceJob(deps.unitOfWork, id, handBackJob);
        return handedBack.isOk() || (handedBack.error.type === 'JobNotRunning' && handedBack.error.status === 'queued')
          ? 'handed-back'
          : 'finished';
      }
      const texts = await jobItems.read(id, job.processed, IMPORT_BATCH_SIZE);
      if (texts.length === 0) {
        const done = succeedJob(job, now());
        return done.isOk() && (await saveJobChange(deps.unitOfWork, done.value)) ? 'finished' : lostRace();
      }
      const before: Job = job;
      const saved = await deps.unitOfWork.run((repositories) =>
        asyncResult(async () => {
          const written = await writeImportBatch(repositories, texts.map(parseItem), before.processed + 1, authorOf, deps);
          const batch = { items: texts.length, ...written };
          const change = recordBatch(before, batch);
          // Not saved: the transaction rolls back, and the batch's articles with it.
          return change.isOk() && (await repositories.jobs.save(change.value))
            ? ok({ next: change.value.to, batch })
            : err('not saved' as const);
        }),
      );
      if (saved.isErr()) return lostRace();
      job = saved.value.next;
      options.onBatch?.(saved.value.batch);
    }
  };
