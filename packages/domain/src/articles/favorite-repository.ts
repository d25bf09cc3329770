import type { ArticleId, UserId } from '../shared/ids.js';

/**
 * Idempotent: favoriting twice counts once. Counts are derived from these rows, so they stay exact
 * under concurrent favorites.
 */
export interface FavoriteRepository {
  add(userId: UserId, articleId: ArticleId): Promise<void>;
  remove(userId: UserId, articleId: ArticleId): Promise<void>;
}
