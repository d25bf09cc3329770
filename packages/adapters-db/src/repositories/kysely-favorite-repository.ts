import type { ArticleId, FavoriteRepository, UserId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { addFavorite, removeFavorite } from './counted-favorite-writes.js';

export class KyselyFavoriteRepository implements FavoriteRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async add(userId: UserId, articleId: ArticleId): Promise<void> {
    await addFavorite.rows(this.em(), { userId, articleId });
  }

  async remove(userId: UserId, articleId: ArticleId): Promise<void> {
    await removeFavorite.rows(this.em(), { userId, articleId });
  }
}
