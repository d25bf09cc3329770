import {
  type Actor,
  type Authorized,
  BLANK,
  canNameItemAuthors,
  canPublishAs,
  checkImportItem,
  type FieldErrors,
  type ItemError,
  type NewArticle,
  newArticle,
  type Repositories,
  type SystemActor,
  type User,
  withSuffix,
} from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';
import type { AppDeps } from '../deps.js';

/*
 * What every bulk import of articles shares, whoever drives it (the command line reading a file,
 * the job worker reading a staged upload): the same rules per item as POST /api/articles, and one
 * write per batch.
 */

/** One item of an import: the parsed value, or why it could not be read (e.g. not JSON). */
export type ImportLine = Result<unknown, string>;

/** Items per transaction: few round trips to commit, and a failure loses at most this much work. */
export const IMPORT_BATCH_SIZE = 250;

/** An item as text (a line of NDJSON), parsed. */
export const parseItem = (text: string): ImportLine => {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err('is not valid JSON');
  }
};

/** An author an item may be published under, with the publish-as policy's proof. */
export type Author = { readonly user: User; readonly allowed: Authorized<'article:publish-as'> };

/** Whose article an item becomes: the import's author, or the username the item names, looked up and allowed. */
export type AuthorOf = (repositories: Repositories, named: string | undefined) => Promise<Result<Author, FieldErrors>>;

/** Every item becomes `author`'s; an item's own `"author"` key is ignored. */
export const onlyAuthor =
  (author: Author): AuthorOf =>
  async () =>
    ok(author);

/** Authors named by items, remembered for the rest of the import (bounded: a name is looked up again past it). */
const MAX_REMEMBERED_AUTHORS = 10_000;

/**
 * Honours an item's `"author"` (an existing username) where the policy lets `actor` name authors
 * (admins, operators; for anyone else the key is an item error); items without one become
 * `fallback`'s, or, with no fallback, are refused.
 */
export const itemAuthors = (actor: Actor | SystemActor, fallback: Author | undefined): AuthorOf => {
  const remembered = new Map<string, User | null>(fallback ? [[fallback.user.username, fallback.user]] : []);
  const naming = canNameItemAuthors(actor);
  return async (repositories, named) => {
    if (named === undefined) return fallback ? ok(fallback) : err({ author: [BLANK] });
    if (!naming) return err({ author: ['may be set only by an admin'] });
    let user = remembered.get(named);
    if (user === undefined) {
      user = await repositories.users.findByUsername(named);
      if (remembered.size < MAX_REMEMBERED_AUTHORS) remembered.set(named, user);
    }
    if (user === null) return err({ author: ['is not a user here'] });
    const found = user;
    return canPublishAs(actor, found)
      .map((allowed) => ({ user: found, allowed }))
      .mapErr(() => ({ author: ['may be set only by an admin'] }));
  };
};

/**
 * Writes one batch in the caller's transaction, items numbered from `first`: how many articles
 * were written (and by author), and which items were refused.
 */
export const writeImportBatch = async (
  repositories: Repositories,
  lines: readonly ImportLine[],
  first: number,
  authorOf: AuthorOf,
  deps: Pick<AppDeps, 'clock' | 'suffixes'>,
): Promise<{ written: number; refused: ItemError[]; writtenBy: ReadonlyMap<string, number> }> => {
  const refused: ItemError[] = [];
  const articles: NewArticle[] = [];
  const writtenBy = new Map<string, number>();
  for (const [index, line] of lines.entries()) {
    const item = line.mapErr((reason): FieldErrors => ({ item: [reason] })).andThen(checkImportItem);
    const author = item.isOk() ? await authorOf(repositories, item.value.author) : undefined;
    if (item.isOk() && author?.isOk()) {
      const { user, allowed } = author.value;
      articles.push(newArticle(item.value.draft, user.id, deps.clock.now(), allowed));
      writtenBy.set(user.username, (writtenBy.get(user.username) ?? 0) + 1);
    } else refused.push({ item: first + index, errors: item.isErr() ? item.error : author?.isErr() ? author.error : {} });
  }
  // The whole batch in one write; an article whose slug is taken (already, or earlier in the
  // batch) is written again with a random suffix, as a single new article would be.
  const { stored, taken } = await repositories.articles.addMany(articles);
  const retried = await repositories.articles.addMany(
    taken.map((article) => ({ ...article, slug: withSuffix(article.slug, deps.suffixes.next()) })),
  );
  if (retried.taken.length > 0) throw new Error(`No free slug found for "${retried.taken[0]?.slug}"`);
  return { written: stored.length + retried.stored.length, refused, writtenBy };
};
