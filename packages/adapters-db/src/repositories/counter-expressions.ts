import type { ArticleId } from '@conduit/domain';
import { type QueryCreator, type RawBuilder, sql } from 'kysely';
import type { Database } from '../kysely/database.js';

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

export const unnest = <T>(values: RawBuilder<T[]>, type: string) => sql<T>`unnest(${values}::${sql.raw(type)})`;
