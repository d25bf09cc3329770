import type { ArticleId, FavoriteRepository, UserId } from '@conduit/domain';
import { favoriteKey, type InMemoryStore } from './in-memory-store.js';

export class InMemoryFavoriteRepository implements FavoriteRepository {
  constructor(private readonly store: InMemoryStore) {}

  async add(userId: UserId, articleId: ArticleId): Promise<void> {
    this.store.favorites.add(favoriteKey(userId, articleId));
  }

  async remove(userId: UserId, articleId: ArticleId): Promise<void> {
    this.store.favorites.delete(favoriteKey(userId, articleId));
  }
}
