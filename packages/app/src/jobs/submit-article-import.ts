import { IDEMPOTENCY_WINDOW_MS, type IdempotencyKeyReused, type Job, type KeyHeld } from '@conduit/domain';
import { err, ok, type Result, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';

export type SubmitArticleImportCommand = {
  /**
   * The items as they arrive, each the JSON text of one `{"article": {…}}`. It may throw (the
   * request broke off, or grew past its limit): the upload is then dropped and the error re-thrown.
   */
  readonly items: AsyncIterable<string>;
  /** An `Idempotency-Key`, and what identifies its request; `fingerprint` is read once `items` is consumed. */
  readonly idempotency?: { readonly key: string; readonly fingerprint: () => string };
};

/** The job, and whether an earlier request with the same idempotency key created it. */
export type SubmittedJob = { readonly job: Job; readonly replayed: boolean };

/** Items staged per statement while an upload arrives. */
const STAGE_CHUNK = 1_000;

/** The job a retry with the same key gets back, or the refusal of a key reused for another request. */
const replay = (held: KeyHeld, key: string, fingerprint: string): Result<SubmittedJob, IdempotencyKeyReused> =>
  held.fingerprint === fingerprint ? ok({ job: held.job, replayed: true }) : err({ type: 'IdempotencyKeyReused', key });

/**
 * Receives a bulk import of articles as a job: its items are staged as they stream in (memory
 * holds one chunk, whatever the size), and once all have arrived the job is queued and announced
 * to the workers in one transaction. Items are checked when the job runs, by the same rules as
 * POST /api/articles; here they are only counted. With an idempotency key, a retry of the same
 * request within 24 hours gets the first job back, and a concurrent duplicate ends up with it too
 * (the key is claimed once the upload is whole; the loser's upload is dropped).
 */
export const makeSubmitArticleImport =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock'>) =>
  (ctx: AuthenticatedContext, command: SubmitArticleImportCommand): ResultAsync<SubmittedJob, IdempotencyKeyReused> =>
    asyncResult(async () => {
      const { jobs } = deps.repositories;
      const now = deps.clock.now();
      const keysSince = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
      const ownerId = ctx.actor.userId;
      const { idempotency } = command;
      if (idempotency !== undefined) {
        const held = await jobs.findByIdempotencyKey(ownerId, idempotency.key, keysSince);
        if (held !== null) {
          // Read to the end only to know what the request was; nothing is staged.
          for await (const _ of command.items);
          return replay(held, idempotency.key, idempotency.fingerprint());
        }
      }
      const id = await jobs.open({ type: 'article-import', ownerId, createdAt: now });
      let total = 0;
      try {
        let chunk: string[] = [];
        for await (const item of command.items) {
          chunk.push(item);
          if (chunk.length < STAGE_CHUNK) continue;
          await jobs.stage(id, total + 1, chunk);
          total += chunk.length;
          chunk = [];
        }
        if (chunk.length > 0) await jobs.stage(id, total + 1, chunk);
        total += chunk.length;
      } catch (error) {
        // The upload's own failure is what the caller must hear; if the database is what failed,
        // the periodic sweep drops the upload later.
        await jobs.discard(id).catch(() => undefined);
        throw error;
      }
      const claim = idempotency === undefined ? null : { key: idempotency.key, fingerprint: idempotency.fingerprint() };
      const queued = await deps.unitOfWork.run((repositories) =>
        asyncResult(async () => {
          const job = await repositories.jobs.queue(id, total, claim, keysSince);
          if (job.isOk()) await repositories.jobQueue.enqueue(id);
          return job;
        }),
      );
      if (queued.isOk()) return ok({ job: queued.value, replayed: false });
      await jobs.discard(id);
      return replay(queued.error, claim?.key ?? '', claim?.fingerprint ?? '');
    });
