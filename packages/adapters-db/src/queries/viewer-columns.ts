import type { ProfileView } from '@conduit/app';
import type { UserId } from '@conduit/domain';
import type { ExpressionBuilder, RawBuilder, Selectable, SqlBool } from 'kysely';
import type { Database } from '../kysely/database.js';

/** Whoever reads: a user id, or null for anonymous readers (then every flag is false). */
export type Viewer = { readonly viewerId: UserId | null };

/** Whether the viewer follows the author `u`. */
export const followingAuthor = (eb: ExpressionBuilder<Database & { u: Database['users'] }, 'u'>, viewerId: RawBuilder<UserId | null>) =>
  eb
    .exists(
      eb
        .selectFrom('follows as fo')
        .select(eb.lit(1).as('one'))
        .whereRef('fo.followee_id', '=', 'u.id')
        .where('fo.follower_id', '=', viewerId),
    )
    .as('following');

/** Whether the viewer has favorited the article `a`. */
export const favoritedByViewer = (
  eb: ExpressionBuilder<Database & { a: Database['articles'] }, 'a'>,
  viewerId: RawBuilder<UserId | null>,
) =>
  eb
    .exists(
      eb.selectFrom('favorites as f').select(eb.lit(1).as('one')).whereRef('f.article_id', '=', 'a.id').where('f.user_id', '=', viewerId),
    )
    .as('favorited');

export const authorColumns = ['u.username', 'u.bio', 'u.image'] as const;

/** What a statement that selects an author (`authorColumns` and `following`) gives: the users table's own column types. */
type AuthorRow = Selectable<Pick<Database['users'], 'username' | 'bio' | 'image'>> & { following: SqlBool };

/** PostgreSQL answers `exists` with a boolean; Kysely's type also allows MySQL's 0/1. */
export const flag = (value: SqlBool): boolean => value === true || value === 1;

export const profileFromRow = (row: AuthorRow): ProfileView => ({
  username: row.username,
  bio: row.bio,
  image: row.image,
  following: flag(row.following),
});
