import type { Article, ArticleId, Comment, CommentId, User, UserId } from '@conduit/domain';

/** The whole state of the in-memory adapters: plain maps, cloned for snapshots. */
export class InMemoryStore {
  users = new Map<UserId, User>();
  /** Keys are `${followerId}:${followeeId}`. */
  follows = new Set<string>();
  articles = new Map<ArticleId, Article>();
  /** Keys are `${userId}:${articleId}`. */
  favorites = new Set<string>();
  comments = new Map<CommentId, Comment>();
  private sequence = 0;

  /** The favorite keys of one article, whoever gave them. */
  favoriteKeysOf(articleId: ArticleId): string[] {
    const suffix = `:${articleId}`;
    return [...this.favorites].filter((key) => key.endsWith(suffix));
  }

  nextId(): number {
    this.sequence += 1;
    return this.sequence;
  }

  snapshot(): () => void {
    const saved = {
      users: new Map(this.users),
      follows: new Set(this.follows),
      articles: new Map(this.articles),
      favorites: new Set(this.favorites),
      comments: new Map(this.comments),
    };
    return () => Object.assign(this, saved);
  }
}

export const followKey = (followerId: UserId, followeeId: UserId): string => `${followerId}:${followeeId}`;
export const favoriteKey = (userId: UserId, articleId: ArticleId): string => `${userId}:${articleId}`;
