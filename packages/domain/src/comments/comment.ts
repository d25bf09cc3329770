import type { ArticleId, CommentId, UserId } from '../shared/ids.js';
import type { CommentDraft } from './comment-text.js';

export type Comment = {
  readonly id: CommentId;
  readonly body: string;
  readonly articleId: ArticleId;
  readonly authorId: UserId;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

export type NewComment = Omit<Comment, 'id'>;

export const newComment = (draft: CommentDraft, articleId: ArticleId, authorId: UserId, now: Date): NewComment => ({
  body: draft.body,
  articleId,
  authorId,
  createdAt: now,
  updatedAt: now,
});
