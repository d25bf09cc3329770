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

/** A comment before it is stored: its id and its article's id come from the store. */
export type NewComment = Omit<Comment, 'id' | 'articleId'>;

export const newComment = (draft: CommentDraft, authorId: UserId, now: Date): NewComment => ({
  body: draft.body,
  authorId,
  createdAt: now,
  updatedAt: now,
});
