import type { ActorQueries } from '@conduit/app';
import { type UserActor, type UserId, userActor, userId } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement } from '../kysely/compiled-statement.js';
import { toRole } from '../mappers/user.mapper.js';

export class KyselyActorQueries implements ActorQueries {
  private readonly byId: CompiledStatement<{ id: UserId }, { id: number; role: string }>;

  constructor(private readonly em: EntityManagerSource) {
    this.byId = new CompiledStatement((db, slot) => db.selectFrom('users').select(['id', 'role']).where('id', '=', slot('id')));
  }

  async byUserId(id: UserId): Promise<UserActor | null> {
    const row = await this.byId.first(this.em(), { id });
    return row ? userActor(userId(row.id), toRole(row.role)) : null;
  }
}
