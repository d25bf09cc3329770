import {
  type Actor,
  canPublishAs,
  checkArticleDraft,
  type FieldErrors,
  type NewArticle,
  newArticle,
  type ProfileNotFound,
  type PublishAsForbidden,
  type Repositories,
  type SystemActor,
  type User,
  withSuffix,
} from '@conduit/domain';
import { err, ok, type Result, ResultAsync } from 'neverthrow';
import type { AppDeps } from '../deps.js';

/** One line of an import: the parsed value, or why it could not be read (e.g. not JSON). */
export type ImportLine = Result<unknown, string>;

/** A refused item, numbered from 1 in the order given. */
export type ItemError = { readonly item: number; readonly errors: FieldErrors };

export type ImportProgress = { readonly processed: number; readonly succeeded: number; readonly failed: number };

export type ImportSummary = ImportProgress & {
  /** The first `MAX_ITEM_ERRORS` refused items; the counts stay exact beyond them. */
  readonly errors: readonly ItemError[];
};

export type ImportArticlesCommand = {
  /** Whose articles they become. */
  readonly as: string;
  readonly lines: AsyncIterable<ImportLine>;
  /** Called after each batch is committed. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Every refused item of each committed batch (the summary keeps only the first ones). */
  readonly onRefused?: (refused: readonly ItemError[]) => void;
};

export const MAX_ITEM_ERRORS = 1_000;
/** Items per transaction: few round trips to commit, and a failure loses at most this much work. */
const BATCH_SIZE = 250;

/** An item's errors when its value is not `{"article": {…}}` with a valid article. */
const draftOf = (line: ImportLine) =>
  line
    .mapErr((reason): FieldErrors => ({ item: [reason] }))
    .andThen((value) => {
      const article = typeof value === 'object' && value !== null ? Reflect.get(value, 'article') : undefined;
      return article === undefined ? err<never, FieldErrors>({ article: ["can't be blank"] }) : checkArticleDraft(article);
    });

/**
 * Many new articles, as a batch script or another instance provides them: each item through the
 * same rules as POST /api/articles (the domain's draft check, slug, tags), under one author. An
 * invalid item is recorded and the import goes on. Items are written in batches of `BATCH_SIZE`
 * per transaction, in order; memory holds one batch, whatever the size of the input.
 */
export const makeImportArticles =
  (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'clock' | 'suffixes'>) =>
  async (
    ctx: { readonly actor: Actor | SystemActor },
    command: ImportArticlesCommand,
  ): Promise<Result<ImportSummary, ProfileNotFound | PublishAsForbidden>> => {
    const found = await deps.repositories.users.findByUsername(command.as);
    if (found === null) return err({ type: 'ProfileNotFound', username: command.as });
    const allowed = canPublishAs(ctx.actor, found);
    if (allowed.isErr()) return err(allowed.error);
    const author = allowed.value;

    let processed = 0;
    let succeeded = 0;
    let failed = 0;
    const errors: ItemError[] = [];

    let batch: ImportLine[] = [];
    const flush = async () => {
      const first = processed + 1;
      // Counted once the batch is committed (the unit of work may run it again after a deadlock).
      const outcome = await deps.unitOfWork.run((repositories) =>
        ResultAsync.fromSafePromise(writeBatch(repositories, batch, first, author, deps)),
      );
      const { written, refused } = outcome.unwrapOr({ written: 0, refused: [] }); // its error type is never
      succeeded += written;
      failed += refused.length;
      errors.push(...refused.slice(0, MAX_ITEM_ERRORS - errors.length));
      if (refused.length > 0) command.onRefused?.(refused);
      processed += batch.length;
      batch = [];
      command.onProgress?.({ processed, succeeded, failed });
    };
    for await (const line of command.lines) {
      batch.push(line);
      if (batch.length >= BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
    return ok({ processed, succeeded, failed, errors });
  };

/** Writes one batch in the caller's transaction: how many articles were written, and which items were refused. */
const writeBatch = async (
  repositories: Repositories,
  lines: readonly ImportLine[],
  first: number,
  author: User,
  deps: Pick<AppDeps, 'clock' | 'suffixes'>,
): Promise<{ written: number; refused: ItemError[] }> => {
  const refused: ItemError[] = [];
  const articles: NewArticle[] = [];
  for (const [index, line] of lines.entries()) {
    const draft = draftOf(line);
    if (draft.isErr()) refused.push({ item: first + index, errors: draft.error });
    else articles.push(newArticle(draft.value, author.id, deps.clock.now()));
  }
  // The whole batch in one write; an article whose slug is taken (already, or earlier in the
  // batch) is written again with a random suffix, as a single new article would be.
  const { stored, taken } = await repositories.articles.addMany(articles);
  const retried = await repositories.articles.addMany(
    taken.map((article) => ({ ...article, slug: withSuffix(article.slug, deps.suffixes.next()) })),
  );
  if (retried.taken.length > 0) throw new Error(`No free slug found for "${retried.taken[0]?.slug}"`);
  return { written: stored.length + retried.stored.length, refused };
};
