import type { UserId } from '../shared/ids.js';

/**
 * Favorites of the article with a slug. Idempotent: favoriting twice counts once. Counts are
 * derived from these rows, so they stay exact under concurrent favorites. Each call is one write,
 * atomic on its own (see UnitOfWork.runOneWrite), and false when no article has the slug, a
 * concurrent delete that won included: nothing is then written.
 */
export interface FavoriteRepository {
  add(userId: UserId, slug: string): Promise<boolean>;
  remove(userId: UserId, slug: string): Promise<boolean>;
}
