import type { ActorQueries, SessionActor } from '@conduit/app';
import { type RequestScope, type TokenClaims, userActor } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';
import { toRole } from '../mappers/user.mapper.js';
import { sawSession } from '../replicas/read-floor.js';

/** Session and user in one statement, by two primary keys: the whole cost of a token's check. */
const bySessionId = new CompiledStatement((db, slot: SlotOf<{ sessionId: string; userId: number; now: string }>) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.role', 'users.username', 'users.bio', 'users.image', 'sessions.last_seen_at', 'sessions.last_write_position'])
    .where('sessions.id', '=', slot('sessionId'))
    .where('sessions.user_id', '=', slot('userId'))
    .where('sessions.expires_at', '>', slot('now'))
    .where('users.locked_at', 'is', null),
);

/**
 * Always on the primary: a session ended or an account locked a moment ago must be refused at once.
 * The lookup also tells the request's read scope (with replicas) what its reads must see.
 */
export class KyselyActorQueries implements ActorQueries {
  constructor(
    private readonly em: EntityManagerSource,
    private readonly scope?: RequestScope,
  ) {}

  async bySession(claims: TokenClaims, now: Date): Promise<SessionActor | null> {
    const row = await bySessionId.first(this.em(), { sessionId: claims.sessionId, userId: claims.userId, now: now.toISOString() });
    if (row === undefined) return null;
    if (this.scope) sawSession(this.scope.current().progress, claims.sessionId, row.last_write_position);
    return {
      actor: userActor(claims.userId, toRole(row.role), claims.sessionId),
      lastSeenAt: dateFromColumn(row.last_seen_at),
      self: { username: row.username, bio: row.bio, image: row.image },
    };
  }
}
