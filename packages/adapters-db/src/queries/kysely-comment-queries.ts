import type { CommentQueries, CommentView } from '@conduit/app';
import { type ArticleId, type CommentId, commentId, type UserId } from '@conduit/domain';
import type { Kysely } from 'kysely';
import type { ReadSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf, type StatementRow } from '../kysely/compiled-statement.js';
import { type Database, dateFromColumn } from '../kysely/database.js';
import { authorColumns, followingAuthor, profileFromRow, type Viewer } from './viewer-columns.js';

/** A comment with its author as the viewer sees them; the caller adds the condition. */
const commentsSeenBy = (db: Kysely<Database>, viewerId: ReturnType<SlotOf<Viewer>>) =>
  db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.body', 'c.created_at', 'c.updated_at', ...authorColumns])
    .select((eb) => followingAuthor(eb, viewerId));

const onArticle = new CompiledStatement((db, slot: SlotOf<Viewer & { articleId: ArticleId }>) =>
  commentsSeenBy(db, slot('viewerId')).where('c.article_id', '=', slot('articleId')).orderBy('c.created_at').orderBy('c.id'),
);
const one = new CompiledStatement((db, slot: SlotOf<Viewer & { id: CommentId }>) =>
  commentsSeenBy(db, slot('viewerId')).where('c.id', '=', slot('id')),
);

const commentFromRow = (row: StatementRow<typeof one>): CommentView => ({
  id: commentId(row.id),
  body: row.body,
  createdAt: dateFromColumn(row.created_at),
  updatedAt: dateFromColumn(row.updated_at),
  author: profileFromRow(row),
});

export class KyselyCommentQueries implements CommentQueries {
  constructor(private readonly em: ReadSource) {}

  async forArticle(articleId: ArticleId, viewerId: UserId | null): Promise<CommentView[]> {
    return (await onArticle.rows(this.em(), { articleId, viewerId })).map(commentFromRow);
  }

  async byId(id: CommentId, viewerId: UserId | null): Promise<CommentView | null> {
    const row = await one.first(this.em(), { id, viewerId });
    return row ? commentFromRow(row) : null;
  }
}
