import { articleId, type Comment, commentId, userId } from '@conduit/domain';
import type { CommentRecord } from '../records/comment.record.js';

export const commentFromRecord = (record: CommentRecord): Comment => ({
  id: commentId(record.id),
  body: record.body,
  articleId: articleId(record.article.id),
  authorId: userId(record.author.id),
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});
