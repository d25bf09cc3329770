import {
  IDEMPOTENCY_WINDOW_MS,
  type IdempotencyKeyReused,
  type Job,
  type JobId,
  type KeyHeld,
  type Repositories,
  type UploadRefused,
} from '@conduit/domain';
import { err, ok, type Result, type ResultAsync } from 'neverthrow';
import { asyncResult } from '../async-result.js';
import type { AuthenticatedContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { FeatureDisabled } from '../features.js';

export type SubmitArticleImportCommand = {
  /**
   * The items as they arrive, each the JSON text of one `{"article": {…}}`, or why the body
   * stopped making sense (the upload is then refused with that reason). It may also throw (the
   * transfer broke off, or grew past its limit): the upload is then dropped and the error re-thrown.
   */
  readonly items: AsyncIterable<Result<string, UploadRefused>>;
  /** An `Idempotency-Key`, and what identifies its request; `fingerprint` is read once `items` is consumed. */
  readonly idempotency?: { readonly key: string; readonly fingerprint: () => string };
};

/** The job, and whether an earlier request with the same idempotency key created it. */
export type SubmittedJob = { readonly job: Job; readonly replayed: boolean };

/** Items staged per statement while an upload arrives. */
const STAGE_CHUNK = 1_000;

const noItems: UploadRefused = { type: 'UploadInvalid', errors: { articles: ["can't be blank"] } };

/** The job a retry with the same key gets back, or the refusal of a key reused for another request. */
const replay = (held: KeyHeld, key: string, fingerprint: string): Result<SubmittedJob, IdempotencyKeyReused> =>
  held.fingerprint === fingerprint ? ok({ job: held.job, replayed: true }) : err({ type: 'IdempotencyKeyReused', key });

/** Stages every item as it arrives, a chunk per statement: how many there were, or why the body was refused. */
const stageAll = async (
  repositories: Repositories,
  id: JobId,
  items: SubmitArticleImportCommand['items'],
): Promise<Result<number, UploadRefused>> => {
  let total = 0;
  let chunk: string[] = [];
  for await (const item of items) {
    if (item.isErr()) return err(item.error);
    chunk.push(item.value);
    if (chunk.length < STAGE_CHUNK) continue;
    await repositories.jobItems.stage(id, total + 1, chunk);
    total += chunk.length;
    chunk = [];
  }
  if (chunk.length > 0) await repositories.jobItems.stage(id, total + 1, chunk);
  total += chunk.length;
  return total === 0 ? err(noItems) : ok(total);
};

/**
 * Receives a bulk import of articles as a job: its items are staged as they stream in (memory
 * holds one chunk, whatever the size), and once all have arrived the job is queued and announced
 * to the workers in one transaction. Items are checked when the job runs, by the same rules as
 * POST /api/articles; here they are only counted, and an upload with none is refused. With an
 * idempotency key, a retry of the same request within 24 hours gets the first job back, and a
 * concurrent duplicate ends up with it too (the key is claimed once the upload is whole; the
 * loser's upload is dropped). Refused at once while imports are closed at the publication.
 */
export const makeSubmitArticleImport =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock'>) =>
  (
    ctx: AuthenticatedContext,
    command: SubmitArticleImportCommand,
  ): ResultAsync<SubmittedJob, IdempotencyKeyReused | UploadRefused | FeatureDisabled> =>
    asyncResult(async () => {
      // Before a byte is read: a closed import stages nothing.
      if (!(await ctx.features.enabled('imports'))) return err({ type: 'FeatureDisabled', feature: 'imports' } as const);
      const { jobUploads } = deps.repositories;
      const now = deps.clock.now();
      const keysSince = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
      const ownerId = ctx.actor.userId;
      const { idempotency } = command;
      if (idempotency !== undefined) {
        const held = await jobUploads.findByIdempotencyKey(ownerId, idempotency.key, keysSince);
        if (held !== null) {
          // Read to the end only to know what the request was; nothing is staged.
          for await (const item of command.items) if (item.isErr()) return err(item.error);
          return replay(held, idempotency.key, idempotency.fingerprint());
        }
      }
      const id = await jobUploads.open({ type: 'article-import', ownerId, createdAt: now });
      let staged: Result<number, UploadRefused>;
      try {
        staged = await stageAll(deps.repositories, id, command.items);
      } catch (error) {
        // The upload's own failure is what the caller must hear; if the database is what failed,
        // the periodic sweep drops the upload later.
        await jobUploads.discard(id).catch(() => undefined);
        throw error;
      }
      if (staged.isErr()) {
        await jobUploads.discard(id);
        return err(staged.error);
      }
      const total = staged.value;
      const claim = idempotency === undefined ? null : { key: idempotency.key, fingerprint: idempotency.fingerprint() };
      const queued = await deps.unitOfWork.run((repositories) =>
        asyncResult(async () => {
          const job = await repositories.jobUploads.queue(id, total, claim, keysSince);
          if (job.isOk()) await repositories.jobQueue.enqueue(id);
          return job;
        }),
      );
      if (queued.isOk()) return ok({ job: queued.value, replayed: false });
      await jobUploads.discard(id);
      return replay(queued.error, claim?.key ?? '', claim?.fingerprint ?? '');
    });
