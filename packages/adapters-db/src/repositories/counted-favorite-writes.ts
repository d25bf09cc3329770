import type { ArticleId, UserId } from '@conduit/domain';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';

/** Favorites, with the article's `favorites_count` moved in the same statement (see counter-expressions.ts). */
export type Favorite = { userId: UserId; articleId: ArticleId };
export const addFavorite = new CompiledStatement((db, slot: SlotOf<Favorite>) =>
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

export const removeFavorite = new CompiledStatement((db, slot: SlotOf<Favorite>) =>
  db
    .with('removed', (db) =>
      db.deleteFrom('favorites').where('user_id', '=', slot('userId')).where('article_id', '=', slot('articleId')).returning('article_id'),
    )
    .updateTable('articles')
    .set((eb) => ({ favorites_count: eb('favorites_count', '-', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('removed').select('article_id')),
);
