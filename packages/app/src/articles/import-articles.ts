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
  /** Whose articles they become, unless `itemAuthors` and the item names another. */
  readonly as: string;
  /**
   * Honour an item's `"author"` (an existing username): the item becomes that user's, where the
   * publish-as policy allows (admins, operators; for others it is an item error). Otherwise the key
   * is ignored, as an export's is when it is imported somewhere else under one author.
   */
  readonly itemAuthors?: boolean;
  readonly lines: AsyncIterable<ImportLine>;
  /** Called after each batch is committed. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Every refused item of each committed batch (the summary keeps only the first ones). */
  readonly onRefused?: (refused: readonly ItemError[]) => void;
};

export const MAX_ITEM_ERRORS = 1_000;
/** Items per transaction: few round trips to commit, and a failure loses at most this much work. */
const BATCH_SIZE = 250;

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;

/** An item's errors when its value is not `{"article": {…}}` with a valid article. */
const draftOf = (line: ImportLine) =>
  line
    .mapErr((reason): FieldErrors => ({ item: [reason] }))
    .andThen((value) => {
      const article = field(value, 'article');
      return article === undefined ? err<never, FieldErrors>({ article: ["can't be blank"] }) : checkArticleDraft(article);
    });

/** Whose article an item becomes: the import's author, or the item's own `author`, looked up and allowed. */
type AuthorOf = (repositories: Repositories, named: unknown) => Promise<Result<User, FieldErrors>>;

/** Authors named by items, remembered for the rest of the import (bounded: a name is looked up again past it). */
const MAX_REMEMBERED_AUTHORS = 10_000;

const authorResolver = (ctx: { readonly actor: Actor | SystemActor }, fallback: User): AuthorOf => {
  const remembered = new Map<string, User | null>([[fallback.username, fallback]]);
  return async (repositories, named) => {
    if (named === undefined) return ok(fallback);
    if (typeof named !== 'string') return err({ author: ['must be a string'] });
    let user = remembered.get(named);
    if (user === undefined) {
      user = await repositories.users.findByUsername(named);
      if (remembered.size < MAX_REMEMBERED_AUTHORS) remembered.set(named, user);
    }
    if (user === null) return err({ author: ['is not a user here'] });
    return canPublishAs(ctx.actor, user).mapErr(() => ({ author: ['may be another user only for an admin'] }));
  };
};

/**
 * Many new articles, as a batch script or another instance provides them: each item through the
 * same rules as POST /api/articles (the domain's draft check, slug, tags), under the import's
 * author, or under the existing user an item names (`"author"`), where the publish-as policy allows
 * it (admins, operators: moving a blog between instances). An invalid item is recorded and the
 * import goes on. Items are written in batches of `BATCH_SIZE`
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
    const authorOf = command.itemAuthors ? authorResolver(ctx, allowed.value) : async () => ok(allowed.value);

    let processed = 0;
    let succeeded = 0;
    let failed = 0;
    const errors: ItemError[] = [];

    let batch: ImportLine[] = [];
    const flush = async () => {
      const first = processed + 1;
      // Counted once the batch is committed (the unit of work may run it again after a deadlock).
      const outcome = await deps.unitOfWork.run((repositories) =>
        ResultAsync.fromSafePromise(writeBatch(repositories, batch, first, authorOf, deps)),
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
  authorOf: AuthorOf,
  deps: Pick<AppDeps, 'clock' | 'suffixes'>,
): Promise<{ written: number; refused: ItemError[] }> => {
  const refused: ItemError[] = [];
  const articles: NewArticle[] = [];
  for (const [index, line] of lines.entries()) {
    const draft = draftOf(line);
    const author = await authorOf(repositories, line.isOk() ? field(line.value, 'author') : undefined);
    if (draft.isOk() && author.isOk()) articles.push(newArticle(draft.value, author.value.id, deps.clock.now()));
    else refused.push({ item: first + index, errors: { ...(draft.isErr() ? draft.error : {}), ...(author.isErr() ? author.error : {}) } });
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
