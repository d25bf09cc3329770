import type { ArticleId, FavoriteRepository, UserId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { FavoriteRecord } from '../records/favorite.record.js';

export class MikroOrmFavoriteRepository implements FavoriteRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async add(userId: UserId, articleId: ArticleId): Promise<void> {
    // ON CONFLICT DO NOTHING: idempotent even when two requests race.
    await this.em().execute(
      'insert into favorites (user_id, article_id) values (?, ?) on conflict do nothing',
      [userId, articleId],
    );
  }

  async remove(userId: UserId, articleId: ArticleId): Promise<void> {
    await this.em().nativeDelete(FavoriteRecord, { user: userId, article: articleId });
  }
}
