import type { AccountActivity, AccountQueries } from '@conduit/app';
import type { UserId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';

const commentsBy = new CompiledStatement((db, slot: SlotOf<{ userId: UserId }>) =>
  db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select(['comments.id', 'articles.slug', 'comments.body', 'comments.created_at'])
    .where('comments.author_id', '=', slot('userId'))
    .orderBy('comments.created_at')
    .orderBy('comments.id'),
);
const favoritesOf = new CompiledStatement((db, slot: SlotOf<{ userId: UserId }>) =>
  db
    .selectFrom('favorites')
    .innerJoin('articles', 'articles.id', 'favorites.article_id')
    .select('articles.slug')
    .where('favorites.user_id', '=', slot('userId'))
    .orderBy('favorites.article_created_at')
    .orderBy('favorites.article_id'),
);
const followedBy = new CompiledStatement((db, slot: SlotOf<{ userId: UserId }>) =>
  db
    .selectFrom('follows')
    .innerJoin('users', 'users.id', 'follows.followee_id')
    .select('users.username')
    .where('follows.follower_id', '=', slot('userId'))
    .orderBy('users.username'),
);

/** What an account export gathers: three statements, each over an index on the user. */
export class KyselyAccountQueries implements AccountQueries {
  constructor(private readonly em: EntityManagerSource) {}

  async activityOf(userId: UserId): Promise<AccountActivity> {
    const em = this.em();
    const [comments, favorites, following] = [
      await commentsBy.rows(em, { userId }),
      await favoritesOf.rows(em, { userId }),
      await followedBy.rows(em, { userId }),
    ];
    return {
      comments: comments.map((row) => ({ id: row.id, article: row.slug, body: row.body, createdAt: dateFromColumn(row.created_at) })),
      favorites: favorites.map((row) => row.slug),
      following: following.map((row) => row.username),
    };
  }
}
