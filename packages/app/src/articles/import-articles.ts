import {
  type Actor,
  canPublishAs,
  type ItemError,
  MAX_ITEM_ERRORS,
  type ProfileNotFound,
  type PublishAsForbidden,
  type SystemActor,
} from '@conduit/domain';
import { err, ok, type Result, ResultAsync } from 'neverthrow';
import type { AppDeps } from '../deps.js';
import { type Author, IMPORT_BATCH_SIZE, type ImportLine, itemAuthors, onlyAuthor, writeImportBatch } from './import-batch.js';

export type ImportProgress = { readonly processed: number; readonly succeeded: number; readonly failed: number };

export type ImportSummary = ImportProgress & {
  /** The first `MAX_ITEM_ERRORS` refused items; the counts stay exact beyond them. */
  readonly errors: readonly ItemError[];
  /** Articles written, by their author's username. */
  readonly writtenBy: ReadonlyMap<string, number>;
};

/**
 * Whose articles they become: `as`'s, unless `itemAuthors` and the item names another (an existing
 * username), where the publish-as policy allows (admins, operators; for others it is an item error).
 * Without `itemAuthors` an item's `"author"` is ignored, as an export's is when it is imported
 * somewhere else under one author; without `as`, every item must name its author.
 */
type Authorship = { readonly as: string; readonly itemAuthors?: boolean } | { readonly as?: undefined; readonly itemAuthors: true };

export type ImportArticlesCommand = Authorship & {
  readonly lines: AsyncIterable<ImportLine>;
  /** Called after each batch is committed. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Every refused item of each committed batch (the summary keeps only the first ones). */
  readonly onRefused?: (refused: readonly ItemError[]) => void;
};

/**
 * Many new articles, as a batch script or another instance provides them: each item through the
 * same rules as POST /api/articles (the domain's draft check, slug, tags), under the import's
 * author, or under the existing user an item names (`"author"`), where the publish-as policy allows
 * it (admins, operators: moving a blog between instances). An invalid item is recorded and the
 * import goes on. Items are written in batches of `IMPORT_BATCH_SIZE`
 * per transaction, in order; memory holds one batch, whatever the size of the input.
 */
export const makeImportArticles =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock' | 'suffixes'>) =>
  async (
    ctx: { readonly actor: Actor | SystemActor },
    command: ImportArticlesCommand,
  ): Promise<Result<ImportSummary, ProfileNotFound | PublishAsForbidden>> => {
    let fallback: Author | undefined;
    if (command.as !== undefined) {
      const found = await deps.repositories.users.findByUsername(command.as);
      if (found === null) return err({ type: 'ProfileNotFound', username: command.as });
      const allowed = canPublishAs(ctx.actor, found);
      if (allowed.isErr()) return err(allowed.error);
      fallback = { user: found, allowed: allowed.value };
    }
    const authorOf = command.itemAuthors || fallback === undefined ? itemAuthors(ctx.actor, fallback) : onlyAuthor(fallback);

    let processed = 0;
    let succeeded = 0;
    let failed = 0;
    const errors: ItemError[] = [];
    const writtenBy = new Map<string, number>();

    let batch: ImportLine[] = [];
    const flush = async () => {
      const first = processed + 1;
      // Counted once the batch is committed (the unit of work may run it again after a deadlock).
      const outcome = await deps.unitOfWork.run((repositories) =>
        ResultAsync.fromSafePromise(writeImportBatch(repositories, batch, first, authorOf, deps)),
      );
      const { written, refused, writtenBy: batchBy } = outcome.unwrapOr({ written: 0, refused: [], writtenBy: new Map() }); // its error type is never
      succeeded += written;
      for (const [username, count] of batchBy) writtenBy.set(username, (writtenBy.get(username) ?? 0) + count);
      failed += refused.length;
      errors.push(...refused.slice(0, MAX_ITEM_ERRORS - errors.length));
      if (refused.length > 0) command.onRefused?.(refused);
      processed += batch.length;
      batch = [];
      command.onProgress?.({ processed, succeeded, failed });
    };
    for await (const line of command.lines) {
      batch.push(line);
      if (batch.length >= IMPORT_BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
    return ok({ processed, succeeded, failed, errors, writtenBy });
  };
