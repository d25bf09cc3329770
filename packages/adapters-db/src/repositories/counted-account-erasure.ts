import type { UserId } from '@conduit/domain';
import { sql } from 'kysely';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';

/*
 * An account's erasure, in the order the repository runs these in one transaction. Each keeps the
 * counters of what it removes exact in the same statement (see counter-expressions.ts); what is
 * left goes with the user row (ON DELETE CASCADE: sessions, follows, comments, jobs).
 */

/** The user's favorites go; each article they favorited counts one fewer (a user favorites an article once). */
export const removeFavoritesOf = new CompiledStatement((db, slot: SlotOf<{ userId: UserId }>) =>
  db
    .with('removed', (db) => db.deleteFrom('favorites').where('user_id', '=', slot('userId')).returning('article_id'))
    .updateTable('articles')
    .set((eb) => ({ favorites_count: eb('favorites_count', '-', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('removed').select('article_id')),
);

/**
 * The user's articles go (their tags, favorites and comments with them); each tag counts as many
 * fewer (each period too, by trigger) as it lost. Every part sees the rows as they were before the statement.
 */
export const removeArticlesOf = new CompiledStatement((db, slot: SlotOf<{ userId: UserId }>) =>
  db
    .with('removed', (db) => db.deleteFrom('articles').where('author_id', '=', slot('userId')).returning('id'))
    .with('tag_losses', (db) =>
      db
        .selectFrom('article_tags')
        .select(['tag', sql<number>`count(*)::int`.as('lost')])
        .where('article_id', 'in', (eb) => eb.selectFrom('removed').select('id'))
        .groupBy('tag'),
    )
    .updateTable('tags')
    .from('tag_losses')
    .set((eb) => ({ articles_count: eb('tags.articles_count', '-', eb.ref('tag_losses.lost')) }))
    .whereRef('tags.name', '=', 'tag_losses.tag'),
);

/** Keys of the user's writes: scoped by text (`user:<id>`), so no foreign key takes them with the user. */
export const removeIdempotencyKeysOf = new CompiledStatement((db, slot: SlotOf<{ scope: string }>) =>
  db.deleteFrom('idempotency_keys').where('scope', '=', slot('scope')),
);

export const removeUser = new CompiledStatement((db, slot: SlotOf<{ userId: UserId }>) =>
  db.deleteFrom('users').where('id', '=', slot('userId')),
);
