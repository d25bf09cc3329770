import {
  type ArticleId,
  type Authorized,
  articleId,
  assertAuthorized,
  type Comment,
  type CommentId,
  type CommentRepository,
  commentId,
  type NewComment,
} from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { addComment, removeComment } from './comment-writes.js';
import { commentFromRow, commentOnArticle } from './entity-reads.js';

/** Every read and write one compiled statement (entity-reads.ts, comment-writes.ts). */
export class KyselyCommentRepository implements CommentRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async findOnArticle(articleId: ArticleId, id: CommentId): Promise<Comment | null> {
    const row = await commentOnArticle.first(this.em(), { id, articleId });
    return row ? commentFromRow(row) : null;
  }

  async add(slug: string, comment: NewComment): Promise<Comment | null> {
    const row = await addComment.first(this.em(), {
      slug,
      body: comment.body,
      authorId: comment.authorId,
      createdAt: comment.createdAt.toISOString(),
      updatedAt: comment.updatedAt.toISOString(),
    });
    return row === undefined ? null : { ...comment, id: commentId(row.id), articleId: articleId(row.article_id) };
  }

  async remove(id: CommentId, allowed: Authorized<'comment:delete'>): Promise<void> {
    assertAuthorized(allowed, 'comment:delete', id);
    await removeComment.rows(this.em(), { id });
  }
}
