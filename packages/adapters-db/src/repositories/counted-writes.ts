import type { ArticleId, UserId } from '@conduit/domain';
import { type QueryCreator, type RawBuilder, sql } from 'kysely';
import { CompiledStatement } from '../kysely/compiled-statement.js';
import type { Database } from '../kysely/database.js';

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

/** One more article by this author (the article row itself goes through the unit of work). */
export const countArticleOf = new CompiledStatement<{ authorId: UserId }, unknown>((db, slot) =>
  db
    .updateTable('users')
    .set((eb) => ({ articles_count: eb('articles_count', '+', 1) }))
    .where('id', '=', slot('authorId')),
);

/**
 * Tags, favorites and comments go with the article (ON DELETE CASCADE); the author's count and its
 * tags' counts follow. Every part of one statement sees the rows as they were before it.
 */
export const removeArticle = new CompiledStatement<{ id: ArticleId }, unknown>((db, slot) =>
  db
    .with('removed', (db) => db.deleteFrom('articles').where('id', '=', slot('id')).returning('author_id'))
    .with('untagged', (db) => untag(db, slot('id')).returning('name'))
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
