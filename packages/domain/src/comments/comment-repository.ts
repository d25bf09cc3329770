import type { Authorized } from '../shared/authorized.js';
import type { ArticleId, CommentId } from '../shared/ids.js';
import type { Comment, NewComment } from './comment.js';

export interface CommentRepository {
  /** Returns null when the comment does not exist or belongs to another article. */
  findOnArticle(articleId: ArticleId, id: CommentId): Promise<Comment | null>;
  /** Stores the comment; the store assigns its id. */
  add(comment: NewComment): Promise<Comment>;
  /** Needs the delete policy's proof for this comment. */
  remove(id: CommentId, allowed: Authorized<'comment:delete'>): Promise<void>;
}
