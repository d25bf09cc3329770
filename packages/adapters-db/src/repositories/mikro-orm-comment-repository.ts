import {
  type ArticleId,
  type Authorized,
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

export class MikroOrmCommentRepository implements CommentRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async findOnArticle(articleId: ArticleId, id: CommentId): Promise<Comment | null> {
    const record = await this.em().findOne(CommentRecord, { id, article: articleId });
    return record ? commentFromRecord(record) : null;
  }

  async add(comment: NewComment): Promise<Comment> {
    const id = await this.em().insert(CommentRecord, {
      body: comment.body,
      article: comment.articleId,
      author: comment.authorId,
      createdAt: comment.createdAt,
      updatedAt: comment.updatedAt,
    });
    return { ...comment, id: commentId(Number(id)) };
  }

  async remove(id: CommentId, allowed: Authorized<'comment:delete'>): Promise<void> {
    assertAuthorized(allowed, 'comment:delete', id);
    await this.em().nativeDelete(CommentRecord, { id });
  }
}
