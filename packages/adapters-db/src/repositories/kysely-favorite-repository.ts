import type { FavoriteRepository, UserId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { addFavorite, removeFavorite } from './counted-favorite-writes.js';

export class KyselyFavoriteRepository implements FavoriteRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async add(userId: UserId, slug: string): Promise<boolean> {
    return (await addFavorite.first(this.em(), { userId, slug })) !== undefined;
  }

  async remove(userId: UserId, slug: string): Promise<boolean> {
    return (await removeFavorite.first(this.em(), { userId, slug })) !== undefined;
  }
}
