import type { ArticleId } from '@conduit/domain';
import { type QueryCreator, type RawBuilder, sql } from 'kysely';
import type { Database } from '../kysely/database.js';
import { ARTICLE_PERIOD_SHARDS, ARTICLE_PERIOD_UNITS, type ArticlePeriodUnit } from '../records/article-period.record.js';

/*
 * What the counted writes (`counted-*.ts`) share. Those writes keep a counter exact: the counter moves only when a row really was inserted or
 * deleted, in the same statement, so it stays right when requests race (the counted row's lock
 * serializes the increments). Set-based statements the unit of work cannot express; typed from the
 * records like every other statement.
 */

/** One article fewer for each tag the article carries, on its removal. */
export const untag = (db: QueryCreator<Database>, id: RawBuilder<ArticleId>) =>
  db
    .updateTable('tags')
    .set((eb) => ({ articles_count: eb('articles_count', '-', 1) }))
    .where('name', 'in', (eb) => eb.selectFrom('article_tags').select('tag').where('article_id', '=', id));

/** Each period unit as a row (`u.unit`): joined to articles, the article_periods rows they count in. */
export const periodUnits = sql<{ unit: ArticlePeriodUnit }>`(select unnest(array[${sql.join(
  ARTICLE_PERIOD_UNITS.map((unit) => sql.lit(unit)),
)}]) as unit)`.as('u');

/** The start (UTC) of the period of `unit` in which `createdAt` falls. */
export const periodStart = (unit: string, createdAt: string) => sql<string>`date_trunc(${sql.ref(unit)}, ${sql.ref(createdAt)}, 'UTC')`;
/** The shard of an article's period rows. */
export const shardOf = (id: string) => sql<number>`${sql.ref(id)} % ${sql.lit(ARTICLE_PERIOD_SHARDS)}`;

/** The articles a removal statement deleted (its `removed` CTE). */
type Removed = Database & { removed: { id: number; created_at: string } };

/**
 * The removed articles counted out of their periods: the losses grouped per counter row first, so
 * that each row is updated once.
 */
export const countOutPeriods = (db: QueryCreator<Removed>) =>
  db
    .updateTable('article_periods')
    // From the expression builder, not `db`: a subquery of a creator that carries CTEs would repeat them.
    .from((eb) =>
      eb
        .selectFrom(['removed', periodUnits])
        .select([
          'u.unit',
          periodStart('u.unit', 'removed.created_at').as('start'),
          shardOf('removed.id').as('shard'),
          sql<number>`count(*)::int`.as('lost'),
        ])
        .groupBy(['u.unit', 'start', 'shard'])
        .as('l'),
    )
    .set((eb) => ({ articles_count: eb('article_periods.articles_count', '-', eb.ref('l.lost')) }))
    .whereRef('article_periods.unit', '=', 'l.unit')
    .whereRef('article_periods.start', '=', 'l.start')
    .whereRef('article_periods.shard', '=', 'l.shard');

export const unnest = <T>(values: RawBuilder<T[]>, type: string) => sql<T>`unnest(${values}::${sql.raw(type)})`;
