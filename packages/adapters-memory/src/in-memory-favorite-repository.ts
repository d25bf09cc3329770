import type { FavoriteRepository, UserId } from '@conduit/domain';
import { favoriteKey, type InMemoryStore } from './in-memory-store.js';

export class InMemoryFavoriteRepository implements FavoriteRepository {
  constructor(private readonly store: InMemoryStore) {}

  async add(userId: UserId, slug: string): Promise<boolean> {
    const article = this.store.articleWithSlug(slug);
    if (article !== undefined) this.store.favorites.add(favoriteKey(userId, article.id));
    return article !== undefined;
  }

  async remove(userId: UserId, slug: string): Promise<boolean> {
    const article = this.store.articleWithSlug(slug);
    if (article !== undefined) this.store.favorites.delete(favoriteKey(userId, article.id));
    return article !== undefined;
  }
}
