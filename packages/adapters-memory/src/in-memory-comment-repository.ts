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
import type { InMemoryStore } from './in-memory-store.js';

export class InMemoryCommentRepository implements CommentRepository {
  constructor(private readonly store: InMemoryStore) {}

  async findOnArticle(articleId: ArticleId, id: CommentId): Promise<Comment | null> {
    const comment = this.store.comments.get(id);
    return comment?.articleId === articleId ? comment : null;
  }

  async add(slug: string, comment: NewComment): Promise<Comment | null> {
    const article = this.store.articleWithSlug(slug);
    if (article === undefined) return null;
    const stored = { ...comment, articleId: article.id, id: commentId(this.store.nextId()) };
    this.store.comments.set(stored.id, stored);
    return stored;
  }

  async remove(id: CommentId, allowed: Authorized<'comment:delete'>): Promise<void> {
    assertAuthorized(allowed, 'comment:delete', id);
    this.store.comments.delete(id);
  }
}
