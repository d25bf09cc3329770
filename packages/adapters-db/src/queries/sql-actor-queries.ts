import type { ActorQueries } from '@conduit/app';
import { type Role, type UserActor, type UserId, userActor, userId } from '@conduit/domain';
import type { PgReader } from './pg-reader.js';

export class SqlActorQueries implements ActorQueries {
  constructor(private readonly reader: PgReader) {}

  async byUserId(id: UserId): Promise<UserActor | null> {
    const rows = await this.reader.rows<{ id: number; role: Role }>('select id, role from users where id = ?', [id]);
    const row = rows[0];
    return row ? userActor(userId(row.id), row.role) : null;
  }
}
