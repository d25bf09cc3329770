import type { ArticleFilter } from '@conduit/app';
import { type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder, type StringReference, sql } from 'kysely';
import type { SlotOf } from '../kysely/compiled-statement.js';
import type { Database } from '../kysely/database.js';
import type { Viewer } from './viewer-columns.js';

/**
 * A page's parameters. `afterCreatedAt`/`afterId` are the position the page starts after: from the
 * top, `'infinity'` (every article is older), so one statement serves pages with and without one.
 */
export type ListParams = Viewer & {
  tag: string;
  author: string;
  favoritedBy: string;
  limit: number;
  offset: number;
  afterCreatedAt: string;
  afterId: number;
};
export type Slot = SlotOf<ListParams>;
export type Articles = Database & { a: Database['articles'] };

/** Which optional filters a list request uses: one compiled statement per combination. */
export type Shape = 'feed' | `list:${'' | 'tag'}:${'' | 'author'}:${'' | 'favorited'}`;

export const shapeOf = (filter: ArticleFilter): Shape =>
  `list:${filter.tag === undefined ? '' : 'tag'}:${filter.author === undefined ? '' : 'author'}:${filter.favoritedBy === undefined ? '' : 'favorited'}`;

/**
 * Rows after the page's starting position in newest-first order: a row comparison on the columns of
 * the `created_at desc, id desc` indexes, so the index is entered at the position (a page there
 * costs what the first page does) rather than walked to it.
 */
export const afterPosition = (createdAt: string, id: string, slot: Slot) =>
  sql<boolean>`(${sql.ref(createdAt)}, ${sql.ref(id)}) < (${slot('afterCreatedAt')}::timestamptz, ${slot('afterId')}::int)`;

/**
 * One page of `qb`, newest first with ties broken by id (the order of every list, and of the
 * `created_at desc, id desc` indexes that serve it): `limit` rows after the starting position,
 * skipping `offset` of them.
 */
export const newestPage = <DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  createdAt: StringReference<DB, TB> & string,
  id: StringReference<DB, TB> & string,
  slot: Slot,
) =>
  qb
    .where(afterPosition(createdAt, id, slot))
    .orderBy(createdAt, 'desc')
    .orderBy(id, 'desc')
    .limit(slot('limit'))
    .offset(slot('offset'));

/** The id of the user with this username (a primary-key subquery; none when no such user). */
export const userIdNamed = (db: Kysely<Database>, username: RawBuilder<string>) =>
  db.selectFrom('users as named').select('named.id').where('named.username', '=', username);

/** The articles a shape selects, as alias `a`: the same rows for the page and for the total. */
export const matching = (db: Kysely<Database>, shape: Shape, slot: Slot): SelectQueryBuilder<Articles, 'a', object> => {
  const articles = db.selectFrom('articles as a');
  if (shape === 'feed') {
    // The followed authors as one array, read once: walking the articles newest first, each is kept
    // or skipped by a comparison with it, where `in (subquery)` probed the follows index per article
    // (about half the scan's cost; docs/benchmarks.md).
    const followed = db.selectFrom('follows as fo').select('fo.followee_id').where('fo.follower_id', '=', slot('viewerId'));
    return articles.where((eb) => eb('a.author_id', '=', sql<number>`any(array(${followed}))`));
  }
  const [, tag, author, favorited] = shape.split(':');
  return articles
    .$if(tag !== '', (qb) =>
      qb.where('a.id', 'in', db.selectFrom('article_tags as t').select('t.article_id').where('t.tag', '=', slot('tag'))),
    )
    .$if(author !== '', (qb) => qb.where('a.author_id', '=', userIdNamed(db, slot('author'))))
    .$if(favorited !== '', (qb) =>
      qb.where(
        'a.id',
        'in',
        db
          .selectFrom('favorites as f')
          .select('f.article_id')
          .where('f.user_id', '=', userIdNamed(db, slot('favoritedBy'))),
      ),
    );
};

/**
 * The exact number of matching articles, from the counters kept in the same transactions as the
 * rows they count wherever one answers the question (a few rows, whatever the number of articles):
 * all articles, one author's, one tag's, the feed's (a sum over the followed authors). Filters
 * combined are counted row by row.
 */
export const total = (db: Kysely<Database>, shape: Shape, slot: Slot) => {
  const asTotal = (eb: ExpressionBuilder<Database & { c: Database['users'] | Database['tags'] }, 'c'>) =>
    eb.cast<number>(eb.fn.coalesce(eb.fn.sum<number>('c.articles_count'), eb.lit(0)), 'integer').as('total');
  switch (shape) {
    case 'feed':
      return db
        .selectFrom('follows as fo')
        .innerJoin('users as c', 'c.id', 'fo.followee_id')
        .select(asTotal)
        .where('fo.follower_id', '=', slot('viewerId'));
    case 'list:::':
      return db.selectFrom('users as c').select(asTotal);
    case 'list::author:':
      return db.selectFrom('users as c').select(asTotal).where('c.username', '=', slot('author'));
    case 'list:tag::':
      return db.selectFrom('tags as c').select(asTotal).where('c.name', '=', slot('tag'));
    case 'list:::favorited':
      // Favorites rows go with their article (ON DELETE CASCADE): one per favorited article.
      return db
        .selectFrom('favorites as f')
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
        .where('f.user_id', '=', userIdNamed(db, slot('favoritedBy')));
    default:
      return matching(db, shape, slot).select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'));
  }
};
