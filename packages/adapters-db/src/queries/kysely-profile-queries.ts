import type { ProfileQueries, ProfileView } from '@conduit/app';
import type { UserId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement } from '../kysely/compiled-statement.js';
import { type AuthorRow, authorColumns, followingAuthor, profileFromRow, type Viewer } from './viewer-columns.js';

export class KyselyProfileQueries implements ProfileQueries {
  private readonly byName: CompiledStatement<Viewer & { username: string }, AuthorRow>;

  constructor(private readonly em: EntityManagerSource) {
    this.byName = new CompiledStatement((db, slot) =>
      db
        .selectFrom('users as u')
        .select(authorColumns)
        .select((eb) => followingAuthor(eb, slot('viewerId')))
        .where('u.username', '=', slot('username')),
    );
  }

  async byUsername(username: string, viewerId: UserId | null): Promise<ProfileView | null> {
    const row = await this.byName.first(this.em(), { username, viewerId });
    return row ? profileFromRow(row) : null;
  }
}
