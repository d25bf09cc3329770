import type { CommentQueries, CommentView } from '@conduit/app';
import { type ArticleId, type CommentId, commentId, type UserId } from '@conduit/domain';
import { followingColumn, type ProfileRow, profileFromRow, toDate } from './sql-rows.js';
import type { PgReader } from './pg-reader.js';

type CommentRow = ProfileRow & { id: number; body: string; created_at: Date | string; updated_at: Date | string };

const commentSelect = `select c.id, c.body, c.created_at, c.updated_at, u.username, u.bio, u.image, ${followingColumn}
  from comments c join users u on u.id = c.author_id`;

const commentFromRow = (row: CommentRow): CommentView => ({
  id: commentId(row.id),
  body: row.body,
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
  author: profileFromRow(row),
});

export class SqlCommentQueries implements CommentQueries {
  constructor(private readonly reader: PgReader) {}

  async forArticle(articleId: ArticleId, viewerId: UserId | null): Promise<CommentView[]> {
    const rows = await this.reader.rows<CommentRow>(
      `${commentSelect} where c.article_id = ? order by c.created_at, c.id`,
      [viewerId, articleId],
    );
    return rows.map(commentFromRow);
  }

  async byId(id: CommentId, viewerId: UserId | null): Promise<CommentView | null> {
    const rows = await this.reader.rows<CommentRow>(`${commentSelect} where c.id = ?`, [viewerId, id]);
    return rows[0] ? commentFromRow(rows[0]) : null;
  }
}
