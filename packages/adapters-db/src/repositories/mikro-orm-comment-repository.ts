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
import { commentFromRecord } from '../mappers/comment.mapper.js';
import { CommentRecord } from '../records/comment.record.js';
import { addComment } from './comment-adds.js';

/** Reads and removes through MikroORM's entity manager; adds in one statement (comment-adds.ts). */
export class MikroOrmCommentRepository implements CommentRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async findOnArticle(articleId: ArticleId, id: CommentId): Promise<Comment | null> {
    const record = await this.em().findOne(CommentRecord, { id, article: articleId });
    return record ? commentFromRecord(record) : null;
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
    await this.em().nativeDelete(CommentRecord, { id });
  }
}
