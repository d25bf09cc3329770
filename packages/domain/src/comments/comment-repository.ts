import type { ArticleId, CommentId } from '../shared/ids.js';
import type { Comment, NewComment } from './comment.js';

export interface CommentRepository {
  /** Returns null when the comment does not exist or belongs to another article. */
  findOnArticle(articleId: ArticleId, id: CommentId): Promise<Comment | null>;
  /** Stores the comment; the store assigns its id. */
  add(comment: NewComment): Promise<Comment>;
  remove(id: CommentId): Promise<void>;
}
