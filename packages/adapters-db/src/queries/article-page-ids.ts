import { type Kysely, sql } from 'kysely';
import type { Database } from '../kysely/database.js';
import type { ArticlePeriodUnit } from '../records/article-period.record.js';
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
 * recent: following one author whose articles are all old walked the whole index (docs/benchmarks.md).
 * So the per-author way is taken whenever its bound fits
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

/** How long each period is, as an interval that does not depend on the session's time zone. */
const WIDTH: Record<ArticlePeriodUnit, string> = { day: '24 hours', minute: '1 minute', second: '1 second' };

/**
 * Of the periods of `unit` (within the period `within` found one level up, when given), the one a
 * deep page of all articles starts in: the oldest whose newer periods hold at most `offset`
 * articles, with that number (`before`, from the top of the list: the enclosing period's `before`
 * plus its newer siblings'). Each level adds up few rows: the days (a few thousand for years of
 * articles), a day's minutes (at most 1,440), a minute's seconds (at most 60), 8 shards each.
 */
const startingPeriod = (db: Kysely<Database>, slot: Slot, unit: ArticlePeriodUnit, within?: { alias: string; unit: ArticlePeriodUnit }) =>
  db
    .selectFrom((db) =>
      db
        .selectFrom((db) =>
          db
            .selectFrom('article_periods as ap')
            .select((eb) => ['ap.start', eb.fn.sum<number>('ap.articles_count').as('n')])
            .where('ap.unit', '=', sql.lit(unit))
            .$if(within !== undefined, (qb) =>
              qb
                .where('ap.start', '>=', sql<string>`${sql.ref(`${within?.alias}.start`)}`)
                .where(
                  'ap.start',
                  '<',
                  sql<string>`${sql.ref(`${within?.alias}.start`)} + ${sql.lit(WIDTH[within?.unit ?? 'day'])}::interval`,
                ),
            )
            .groupBy('ap.start')
            .as('g'),
        )
        .select([
          'g.start',
          sql<number>`${within === undefined ? sql.lit(0) : sql.ref(`${within.alias}.before`)} + sum(g.n) over (order by g.start desc) - g.n`.as(
            'before',
          ),
        ])
        .as('w'),
    )
    .select(['w.start', 'w.before'])
    .where('w.before', '<=', slot('offset'))
    .orderBy('w.start', 'asc')
    .limit(sql.lit(1));

/**
 * The ids of a page of all articles far down the list: from the start of the second it starts in
 * (the day, then the minute, then the second, each from the period counts; see `startingPeriod`),
 * skipping only that second's newer articles. The same rows as skipping `offset` from the top (the
 * counts are kept by triggers in the articles' own statements), at the cost of a page near the top, however
 * the articles spread over time. Day counts alone were enough for articles spread over many days,
 * but had half a million to skip when all were imported in one day (docs/benchmarks.md).
 */
export const deepPageIds = (db: Kysely<Database>, slot: Slot) =>
  db
    .selectFrom(startingPeriod(db, slot, 'day').as('d'))
    .innerJoinLateral(
      () => startingPeriod(db, slot, 'minute', { alias: 'd', unit: 'day' }).as('m'),
      (join) => join.onTrue(),
    )
    .innerJoinLateral(
      () => startingPeriod(db, slot, 'second', { alias: 'm', unit: 'minute' }).as('s'),
      (join) => join.onTrue(),
    )
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('articles as a')
          .select('a.id')
          .where('a.created_at', '<', sql<string>`s.start + interval '1 second'`)
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
 * are read, however many there are; all articles far down, from the period counts; otherwise from the
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
