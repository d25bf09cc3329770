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

/** An article row to insert, as the repository maps it. */
type ArticleRow = {
  slug: string;
  title: string;
  description: string;
  body: string;
  tagList: string[];
  authorId: UserId;
  createdAt: string;
  updatedAt: string;
};

/**
 * A new article in one statement: the row (unless its slug is taken: then no row comes back), its
 * tag links, and one more for its author, its day and each of its tags (creating the tags not seen
 * before). Each part reads the inserted row, so nothing is counted for an article not written. One
 * round trip instead of four (measured: POST /api/articles 0.9-1.0 ms of server CPU before).
 */
export const addArticle = new CompiledStatement<ArticleRow, { id: number }>((db, slot) =>
  db
    .with('inserted', (db) =>
      db
        .insertInto('articles')
        .values({
          slug: slot('slug'),
          title: slot('title'),
          description: slot('description'),
          body: slot('body'),
          tag_list: slot('tagList'),
          author_id: slot('authorId'),
          created_at: slot('createdAt'),
          updated_at: slot('updatedAt'),
        })
        .onConflict((conflict) => conflict.column('slug').doNothing())
        .returning(['id', 'author_id', 'created_at', 'tag_list']),
    )
    .with('tagged', (db) =>
      db
        .insertInto('article_tags')
        .columns(['article_id', 'tag', 'created_at'])
        .expression(db.selectFrom('inserted').select((eb) => ['id', eb.fn<string>('unnest', ['tag_list']).as('tag'), 'created_at'])),
    )
    .with('tag_counts', (db) =>
      db
        .insertInto('tags')
        .columns(['name', 'articles_count'])
        .expression(
          db.selectFrom('inserted').select((eb) => [eb.fn<string>('unnest', ['tag_list']).as('name'), eb.lit(1).as('articles_count')]),
        )
        .onConflict((conflict) => conflict.column('name').doUpdateSet((eb) => ({ articles_count: eb('tags.articles_count', '+', 1) }))),
    )
    .with('dated', (db) =>
      db
        .insertInto('article_days')
        .columns(['day', 'shard', 'articles_count'])
        .expression(
          db.selectFrom('inserted').select([dayOf('created_at').as('day'), shardOf('id').as('shard'), sql.lit(1).as('articles_count')]),
        )
        .onConflict((conflict) =>
          conflict.columns(['day', 'shard']).doUpdateSet((eb) => ({ articles_count: eb('article_days.articles_count', '+', 1) })),
        ),
    )
    .with('authored', (db) =>
      db
        .updateTable('users')
        .set((eb) => ({ articles_count: eb('articles_count', '+', 1) }))
        .where('id', 'in', (eb) => eb.selectFrom('inserted').select('author_id')),
    )
    .selectFrom('inserted')
    .select('id'),
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
