import type { ArticleId, FavoriteRepository, UserId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';

export class MikroOrmFavoriteRepository implements FavoriteRepository {
  constructor(private readonly em: EntityManagerSource) {}

  /**
   * The count moves only when a row was really inserted or deleted, in the same statement, so it
   * stays exact when requests race (the row lock on the article serializes the increments).
   */
  async add(userId: UserId, articleId: ArticleId): Promise<void> {
    await this.em().execute(
      `with added as (insert into favorites (user_id, article_id) values (?, ?) on conflict do nothing returning article_id)
       update articles set favorites_count = favorites_count + 1 where id in (select article_id from added)`,
      [userId, articleId],
    );
  }

  async remove(userId: UserId, articleId: ArticleId): Promise<void> {
    await this.em().execute(
      `with removed as (delete from favorites where user_id = ? and article_id = ? returning article_id)
       update articles set favorites_count = favorites_count - 1 where id in (select article_id from removed)`,
      [userId, articleId],
    );
  }
}
