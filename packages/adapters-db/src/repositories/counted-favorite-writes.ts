import type { UserId } from '@conduit/domain';
import type { QueryCreator } from 'kysely';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import type { Database } from '../kysely/database.js';

/**
 * Favorites by slug, each one statement with the article's `favorites_count` moved in it (see
 * counter-expressions.ts), run on its own (no transaction around it: UnitOfWork.runOneWrite).
 *
 * The article is read `for key share`: a concurrent delete (which locks `for update`) either has
 * committed, and the article is not found, or waits for this statement; other favorites are not
 * held up by it, since the share locks of many favorites do not conflict with each other nor with
 * the counter's update. So the article's row is locked exclusively only by the counter's update,
 * from that update to the statement's own commit: a hot article's favorites queue for no longer
 * than that. The statement answers the article's id, or no row when there is no such article.
 */
export type Favorite = { userId: UserId; slug: string };

const article = (db: QueryCreator<Database>, slot: SlotOf<Favorite>) =>
  db.selectFrom('articles').select(['id', 'created_at']).where('slug', '=', slot('slug')).forKeyShare();

export const addFavorite = new CompiledStatement((db, slot: SlotOf<Favorite>) =>
  db
    .with('article', (db) => article(db, slot))
    .with('added', (db) =>
      db
        .insertInto('favorites')
        .columns(['user_id', 'article_id', 'article_created_at'])
        .expression(db.selectFrom('article').select([slot('userId').as('user_id'), 'id', 'created_at']))
        .onConflict((conflict) => conflict.doNothing())
        .returning('article_id'),
    )
    .with('counted', (db) =>
      db
        .updateTable('articles')
        .set((eb) => ({ favorites_count: eb('favorites_count', '+', 1) }))
        .where('id', 'in', (eb) => eb.selectFrom('added').select('article_id')),
    )
    .selectFrom('article')
    .select('id'),
);

export const removeFavorite = new CompiledStatement((db, slot: SlotOf<Favorite>) =>
  db
    .with('article', (db) => article(db, slot))
    .with('removed', (db) =>
      db
        .deleteFrom('favorites')
        .where('user_id', '=', slot('userId'))
        .where('article_id', 'in', (eb) => eb.selectFrom('article').select('id'))
        .returning('article_id'),
    )
    .with('counted', (db) =>
      db
        .updateTable('articles')
        .set((eb) => ({ favorites_count: eb('favorites_count', '-', 1) }))
        .where('id', 'in', (eb) => eb.selectFrom('removed').select('article_id')),
    )
    .selectFrom('article')
    .select('id'),
);
