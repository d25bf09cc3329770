import { type Kysely, sql } from 'kysely';
import type { Database } from '../kysely/database.js';
import { afterPosition, matching, newestPage, type Shape, type Slot, userIdNamed } from './article-list-shape.js';

/**
 * Index entries read per followed author (each one's newest `limit + offset`) at most, for a feed
 * page to come from those authors' own indexes; beyond it, from one newest-first scan.
 */
export const FEED_FAN_IN_ROWS = 10_000;

/**
 * A feed page's ids, by whichever way is bounded for this reader. Per followed author, the newest
 * `limit + offset` of their articles from the (author, created_at) index alone: at most followed ×
 * (limit + offset) index entries, however old or sparse their articles are. A newest-first scan of
 * all articles filtered by the followed authors is cheap only when they wrote much of what is
 * recent: following one author whose articles are all old walked the whole index at 1,000,000
 * articles (150 ms to 1.3 s). So the per-author way is taken whenever its bound fits
 * `FEED_FAN_IN_ROWS`, the scan otherwise (many authors followed). PostgreSQL counts the followed
 * authors once and runs only the branch whose condition holds.
 */
export const feedIds = (db: Kysely<Database>, slot: Slot) => {
  const perPage = sql<number>`(${slot('limit')}::int + ${slot('offset')}::int)`;
  const fanIn = sql<number>`(${db
    .selectFrom('follows as fc')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('fc.follower_id', '=', slot('viewerId'))}) * ${perPage}`;
  const perAuthor = db
    .selectFrom('follows as fo')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('articles as pa')
          .select(['pa.id', 'pa.created_at'])
          .whereRef('pa.author_id', '=', 'fo.followee_id')
          .where(afterPosition('pa.created_at', 'pa.id', slot))
          .orderBy('pa.created_at', 'desc')
          .orderBy('pa.id', 'desc')
          .limit(perPage)
          .as('a'),
      (join) => join.onTrue(),
    )
    .select(['a.id', 'a.created_at'])
    .where('fo.follower_id', '=', slot('viewerId'))
    .where(fanIn, '<=', sql.lit(FEED_FAN_IN_ROWS));
  // Ordered and limited inside its branch, so the scan stops after the page.
  const scanned = db
    .selectFrom(
      matching(db, 'feed', slot)
        .select(['a.id', 'a.created_at'])
        .where(fanIn, '>', sql.lit(FEED_FAN_IN_ROWS))
        .where(afterPosition('a.created_at', 'a.id', slot))
        .orderBy('a.created_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(perPage)
        .as('s'),
    )
    .select(['s.id', 's.created_at']);
  return newestPage(db.selectFrom(perAuthor.unionAll(scanned).as('f')).select('f.id'), 'f.created_at', 'f.id', slot).as('p');
};

/**
 * Where a deep page of all articles starts: the oldest day whose newer days hold at most `offset`
 * articles, with that number (`before`), from the per-day counts (a few thousand rows for years of
 * articles, whatever their number).
 */
export const startingDay = (db: Kysely<Database>, slot: Slot) =>
  db
    .selectFrom((db) =>
      db
        .selectFrom((db) =>
          db
            .selectFrom('article_days')
            .select((eb) => ['day', eb.fn.sum<number>('articles_count').as('n')])
            .groupBy('day')
            .as('d'),
        )
        .select(['day', sql<number>`sum(n) over (order by day desc) - n`.as('before')])
        .as('w'),
    )
    .select(['day', 'before'])
    .where('before', '<=', slot('offset'))
    .orderBy('day', 'asc')
    .limit(sql.lit(1))
    .as('s');

/**
 * The ids of a page of all articles far down the list: from the start of its day (see
 * `startingDay`), skipping only that day's newer articles. The same rows as skipping `offset` from
 * the top (the day counts are kept in the articles' own transactions), at the cost of a page near
 * the top: 1.5 ms instead of 53 ms at offset 500,000 of 1,000,000.
 */
export const deepPageIds = (db: Kysely<Database>, slot: Slot) =>
  db
    .selectFrom(startingDay(db, slot))
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('articles as a')
          .select('a.id')
          .where('a.created_at', '<', sql<string>`((s.day + 1)::timestamp at time zone 'UTC')`)
          .orderBy('a.created_at', 'desc')
          .orderBy('a.id', 'desc')
          .limit(slot('limit'))
          .offset(sql<number>`${slot('offset')} - s.before`)
          .as('p'),
      (join) => join.onTrue(),
    )
    .select('p.id')
    .as('p');

/**
 * The ids of a page, newest first. A tag's, and a user's favorites, come from their own index on
 * article_tags or favorites (the article's creation time is copied there), so only the page's links
 * are read, however many there are; all articles far down, from the day counts; otherwise from the
 * articles index (an index-only scan: skipped rows are not read).
 */
export const pageIds = (db: Kysely<Database>, shape: Shape, slot: Slot) => {
  switch (shape) {
    case 'feed':
      return feedIds(db, slot);
    case 'list:::':
      // Only ever asked for far down the list from the top: shallow pages of all articles, and pages
      // after a position, read rows in one pass.
      return deepPageIds(db, slot);
    case 'list:::favorited':
      return db
        .selectFrom('favorites as f')
        .select('f.article_id as id')
        .where('f.user_id', '=', userIdNamed(db, slot('favoritedBy')))
        .where(afterPosition('f.article_created_at', 'f.article_id', slot))
        .orderBy('f.article_created_at', 'desc')
        .orderBy('f.article_id', 'desc')
        .limit(slot('limit'))
        .offset(slot('offset'))
        .as('p');
    case 'list:tag::':
      return newestPage(
        db.selectFrom('article_tags as t').select('t.article_id as id').where('t.tag', '=', slot('tag')),
        't.created_at',
        't.article_id',
        slot,
      ).as('p');
    default:
      return newestPage(matching(db, shape, slot).select('a.id'), 'a.created_at', 'a.id', slot).as('p');
  }
};
