import type { ArticleId, UserId } from '@conduit/domain';
import { CompiledStatement } from '../kysely/compiled-statement.js';

/*
 * Writes that keep a counter exact: the counter moves only when a row really was inserted or
 * deleted, in the same statement, so it stays right when requests race (the counted row's lock
 * serializes the increments). Set-based statements the unit of work cannot express; typed from the
 * records like every other statement.
 */

type Favorite = { userId: UserId; articleId: ArticleId };

export const addFavorite = new CompiledStatement<Favorite, unknown>((db, slot) =>
  db
    .with('added', (db) =>
      db
        .insertInto('favorites')
        .values({ user_id: slot('userId'), article_id: slot('articleId') })
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

/** Tags, favorites and comments go with the article (ON DELETE CASCADE); the author's count follows. */
export const removeArticle = new CompiledStatement<{ id: ArticleId }, unknown>((db, slot) =>
  db
    .with('removed', (db) => db.deleteFrom('articles').where('id', '=', slot('id')).returning('author_id'))
    .updateTable('users')
    .set((eb) => ({ articles_count: eb('articles_count', '-', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('removed').select('author_id')),
);
