import type { ActorQueries } from '@conduit/app';
import { type UserActor, type UserId, userActor, userId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { toRole } from '../mappers/user.mapper.js';

const byId = new CompiledStatement((db, slot: SlotOf<{ id: UserId }>) =>
  db.selectFrom('users').select(['id', 'role']).where('id', '=', slot('id')),
);

export class KyselyActorQueries implements ActorQueries {
  constructor(private readonly em: EntityManagerSource) {}

  async byUserId(id: UserId): Promise<UserActor | null> {
    const row = await byId.first(this.em(), { id });
    return row ? userActor(userId(row.id), toRole(row.role)) : null;
  }
}
