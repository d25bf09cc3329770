import type { CommentId, UserId } from '@conduit/domain';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';

export type CommentRow = { slug: string; body: string; authorId: UserId; createdAt: string; updatedAt: string };

/**
 * A comment on the article with a slug, in one statement run on its own (UnitOfWork.runOneWrite).
 * The article is read `for key share`, as by a favorite (see counted-favorite-writes.ts): a
 * concurrent delete has won (no row is inserted, none comes back) or waits for this statement,
 * and the comments of a busy article do not wait for each other.
 */
export const addComment = new CompiledStatement((db, slot: SlotOf<CommentRow>) =>
  db
    .with('article', (db) => db.selectFrom('articles').select('id').where('slug', '=', slot('slug')).forKeyShare())
    .insertInto('comments')
    .columns(['body', 'article_id', 'author_id', 'created_at', 'updated_at'])
    .expression((eb) =>
      eb
        .selectFrom('article')
        .select([
          slot('body').as('body'),
          'id',
          slot('authorId').as('author_id'),
          slot('createdAt').as('created_at'),
          slot('updatedAt').as('updated_at'),
        ]),
    )
    .returning(['id', 'article_id']),
);

/** One comment, by id, in its tenant: what the article's cascade does for the rest. */
export const removeComment = new CompiledStatement((db, slot: SlotOf<{ id: CommentId }>) =>
  db.deleteFrom('comments').where('id', '=', slot('id')),
);
