import type { ProfileQueries, ProfileView } from '@conduit/app';
import type { UserId } from '@conduit/domain';
import type { ReadSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { authorColumns, followingAuthor, profileFromRow, type Viewer } from './viewer-columns.js';

const byName = new CompiledStatement((db, slot: SlotOf<Viewer & { username: string }>) =>
  db
    .selectFrom('users as u')
    .select(authorColumns)
    .select((eb) => followingAuthor(eb, slot('viewerId')))
    .where('u.username', '=', slot('username')),
);

export class KyselyProfileQueries implements ProfileQueries {
  constructor(private readonly em: ReadSource) {}

  async byUsername(username: string, viewerId: UserId | null): Promise<ProfileView | null> {
    const row = await byName.first(this.em(), { username, viewerId });
    return row ? profileFromRow(row) : null;
  }
}
