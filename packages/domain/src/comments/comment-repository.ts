import type { Authorized } from '../shared/authorized.js';
import type { ArticleId, CommentId } from '../shared/ids.js';
import type { Comment, NewComment } from './comment.js';

export interface CommentRepository {
  /** Returns null when the comment does not exist or belongs to another article. */
  findOnArticle(articleId: ArticleId, id: CommentId): Promise<Comment | null>;
  /**
   * Stores the comment on the article with this slug, in one write, atomic on its own (see
   * UnitOfWork.runOneWrite); the store assigns its id. Null when no article has the slug, a
   * concurrent delete that won included: nothing is then stored.
   */
  add(slug: string, comment: NewComment): Promise<Comment | null>;
  /** Needs the delete policy's proof for this comment. */
  remove(id: CommentId, allowed: Authorized<'comment:delete'>): Promise<void>;
}
