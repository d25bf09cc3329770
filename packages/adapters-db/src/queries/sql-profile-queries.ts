import type { ProfileQueries, ProfileView } from '@conduit/app';
import type { UserId } from '@conduit/domain';
import { followingColumn, type ProfileRow, profileFromRow } from './sql-rows.js';
import type { PgReader } from './pg-reader.js';

export class SqlProfileQueries implements ProfileQueries {
  constructor(private readonly reader: PgReader) {}

  async byUsername(username: string, viewerId: UserId | null): Promise<ProfileView | null> {
    const rows = await this.reader.rows<ProfileRow>(
      `select u.username, u.bio, u.image, ${followingColumn} from users u where u.username = ?`,
      [viewerId, username],
    );
    return rows[0] ? profileFromRow(rows[0]) : null;
  }
}
