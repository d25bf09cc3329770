import type { ArticleId, UserId } from '@conduit/domain';
import { type QueryCreator, type RawBuilder, sql } from 'kysely';
import { CompiledStatement } from '../kysely/compiled-statement.js';
import type { Database } from '../kysely/database.js';
import { ARTICLE_DAY_SHARDS } from '../records/article-day.record.js';

/*
 * Writes that keep a counter exact: the counter moves only when a row really was inserted or
 * deleted, in the same statement, so it stays right when requests race (the counted row's lock
 * serializes the increments). Set-based statements the unit of work cannot express; typed from the
 * records like every other statement.
 */

type Favorite = { userId: UserId; articleId: ArticleId };

/** One article fewer for each tag the article carries: on its removal, and before its tags are replaced. */
const untag = (db: QueryCreator<Database>, id: RawBuilder<ArticleId>) =>
  db
    .updateTable('tags')
    .set((eb) => ({ articles_count: eb('articles_count', '-', 1) }))
    .where('name', 'in', (eb) => eb.selectFrom('article_tags').select('tag').where('article_id', '=', id));

export const addFavorite = new CompiledStatement<Favorite, unknown>((db, slot) =>
  db
    .with('added', (db) =>
      db
        .insertInto('favorites')
        .columns(['user_id', 'article_id', 'article_created_at'])
        .expression(
          db
            .selectFrom('articles')
            .select([slot('userId').as('user_id'), 'id', 'created_at'])
            .where('id', '=', slot('articleId')),
        )
        .onConflict((conflict) => conflict.doNothing())
        .returning('article_id'),
    )
    .updateTable('articles')
    .set((eb) => ({ favorites_count: eb('favorites_count', '+', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('added').select('article_id')),
);

export const removeFavorite = new CompiledStatement<Favorite, unknown>((db, slot) =>
  db
    .with('removed', (db) =>
      db.deleteFrom('favorites').where('user_id', '=', slot('userId')).where('article_id', '=', slot('articleId')).returning('article_id'),
    )
    .updateTable('articles')
    .set((eb) => ({ favorites_count: eb('favorites_count', '-', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('removed').select('article_id')),
);

/** The article_days row an article is counted in: its creation day (UTC) and its shard. */
const dayOf = (createdAt: string) => sql<string>`(${sql.ref(createdAt)} at time zone 'UTC')::date`;
const shardOf = (id: string) => sql<number>`${sql.ref(id)} % ${sql.lit(ARTICLE_DAY_SHARDS)}`;

/**
 * One more article by its author and on its day (the article row itself goes through the unit of
 * work, earlier in the transaction).
 */
export const countNewArticle = new CompiledStatement<{ id: ArticleId; authorId: UserId }, unknown>((db, slot) =>
  db
    .with('dated', (db) =>
      db
        .insertInto('article_days')
        .columns(['day', 'shard', 'articles_count'])
        .expression(
          db
            .selectFrom('articles')
            .select([dayOf('created_at').as('day'), shardOf('id').as('shard'), sql.lit(1).as('articles_count')])
            .where('id', '=', slot('id')),
        )
        .onConflict((conflict) =>
          conflict.columns(['day', 'shard']).doUpdateSet((eb) => ({ articles_count: eb('article_days.articles_count', '+', 1) })),
        ),
    )
    .updateTable('users')
    .set((eb) => ({ articles_count: eb('articles_count', '+', 1) }))
    .where('id', '=', slot('authorId')),
);

/**
 * Tags, favorites and comments go with the article (ON DELETE CASCADE); the author's count, its
 * day's and its tags' counts follow. Every part of one statement sees the rows as they were before it.
 */
export const removeArticle = new CompiledStatement<{ id: ArticleId }, unknown>((db, slot) =>
  db
    .with('removed', (db) => db.deleteFrom('articles').where('id', '=', slot('id')).returning(['id', 'author_id', 'created_at']))
    .with('untagged', (db) => untag(db, slot('id')).returning('name'))
    .with('undated', (db) =>
      db
        .updateTable('article_days')
        .from('removed')
        .set((eb) => ({ articles_count: eb('article_days.articles_count', '-', 1) }))
        .whereRef('article_days.day', '=', dayOf('removed.created_at'))
        .whereRef('article_days.shard', '=', shardOf('removed.id'))
        .returning('article_days.day'),
    )
    .updateTable('users')
    .set((eb) => ({ articles_count: eb('articles_count', '-', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('removed').select('author_id')),
);

/** One more article for each of these tags, creating the tags not seen before. */
export const countTagsUp = new CompiledStatement<{ tags: string[] }, unknown>((db, slot) =>
  db
    .insertInto('tags')
    .columns(['name', 'articles_count'])
    .expression(
      db.selectNoFrom((eb) => [eb.fn<string>('unnest', [eb.cast(slot('tags'), sql`text[]`)]).as('name'), eb.lit(1).as('articles_count')]),
    )
    .onConflict((conflict) => conflict.column('name').doUpdateSet((eb) => ({ articles_count: eb('tags.articles_count', '+', 1) }))),
);

/** One article fewer for each tag this article carries now (before its tag rows are replaced). */
export const countTagsDownFor = new CompiledStatement<{ id: ArticleId }, unknown>((db, slot) => untag(db, slot('id')));
