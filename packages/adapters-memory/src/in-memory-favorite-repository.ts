import type { ArticleId, FavoriteRepository, UserId } from '@conduit/domain';
import { favoriteKey, type InMemoryStore } from './in-memory-store.js';

export class InMemoryFavoriteRepository implements FavoriteRepository {
  constructor(private readonly store: InMemoryStore) {}

  async add(userId: UserId, articleId: ArticleId): Promise<void> {
    const key = favoriteKey(userId, articleId);
    if (!this.store.favorites.has(key)) this.store.favorites.set(key, this.store.nextId());
  }

  async remove(userId: UserId, articleId: ArticleId): Promise<void> {
    this.store.favorites.delete(favoriteKey(userId, articleId));
  }
}
