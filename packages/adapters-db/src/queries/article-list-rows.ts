import type { ArticleListItemView } from '@conduit/app';
import { type Kysely, sql } from 'kysely';
import type { RowOf } from '../kysely/compiled-statement.js';
import { type Database, dateFromColumn } from '../kysely/database.js';
import { matching, newestPage, type Shape, type Slot, total } from './article-list-shape.js';
import { pageIds } from './article-page-ids.js';
import { authorColumns, favoritedByViewer, flag, followingAuthor, profileFromRow } from './viewer-columns.js';

/** An article as every list statement selects it (`listColumns`, its author, the viewer's flags): the type Kysely infers for `seenBy`. */
type ListRow = Omit<RowOf<ReturnType<typeof seenBy>>, 'total'>;

export const listColumns = [
  'a.id',
  'a.slug',
  'a.title',
  'a.description',
  'a.created_at',
  'a.updated_at',
  'a.tag_list',
  'a.favorites_count',
] as const;

export const listItemFromRow = (row: ListRow): ArticleListItemView => ({
  slug: row.slug,
  title: row.title,
  description: row.description,
  tagList: row.tag_list,
  createdAt: dateFromColumn(row.created_at),
  updatedAt: dateFromColumn(row.updated_at),
  favorited: flag(row.favorited),
  favoritesCount: row.favorites_count,
  author: profileFromRow(row),
});

/**
 * From this offset on, a page is first chosen on ids alone (see `pageRowsByIds`). Below it, reading whole
 * rows while skipping is cheaper than a second lookup per page row (measured: 2,000 and 1,000,000
 * articles, offsets 0, 1,000 and 500,000).
 */
export const DEEP_OFFSET = 5_000;

/** A page's articles, as alias `a`. */
export type PageRows = ReturnType<typeof pageRows>;

/**
 * The page's rows read in one pass: newest first, whole rows, skipping `offset` of them. Cheapest
 * for shallow pages.
 */
export const pageRows = (db: Kysely<Database>, shape: Shape, slot: Slot) =>
  newestPage(matching(db, shape, slot).selectAll('a'), 'a.created_at', 'a.id', slot).as('a');

/**
 * The same page chosen on ids first, then each looked up by primary key (lateral, with its own
 * `limit 1` so that PostgreSQL keeps it a per-row lookup): for deep offsets, a tag's pages, and a
 * user's favorites.
 */
export const pageRowsByIds = (db: Kysely<Database>, shape: Shape, slot: Slot): PageRows =>
  db
    .selectFrom(pageIds(db, shape, slot))
    .innerJoinLateral(
      (eb) => eb.selectFrom('articles').selectAll().whereRef('articles.id', '=', 'p.id').limit(sql.lit(1)).as('a'),
      (join) => join.onTrue(),
    )
    .selectAll('a')
    .as('a');

/**
 * One page and its total in one statement: the page's articles joined to their authors and the
 * viewer's flags; the exact total rides along as an uncorrelated subquery PostgreSQL runs once.
 */
export const seenBy = (db: Kysely<Database>, rows: PageRows, shape: Shape, slot: Slot) =>
  db
    .selectFrom(rows)
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .select([...listColumns, ...authorColumns])
    .select((eb) => [favoritedByViewer(eb, slot('viewerId')), followingAuthor(eb, slot('viewerId')), total(db, shape, slot).as('total')])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc');
