import {
  type Authorized,
  assertAuthorized,
  type NewSession,
  type Session,
  type SessionId,
  type SessionRepository,
  sessionId,
  type User,
  type UserActor,
  type UserId,
  userId,
} from '@conduit/domain';
import { sql } from 'kysely';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf, type StatementRow } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';

const COLUMNS = ['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'address'] as const;

const added = new CompiledStatement(
  (db, slot: SlotOf<{ userId: number; createdAt: string; expiresAt: string; userAgent: string | null; address: string | null }>) =>
    db
      .insertInto('sessions')
      .values({
        user_id: slot('userId'),
        created_at: slot('createdAt'),
        last_seen_at: slot('createdAt'),
        expires_at: slot('expiresAt'),
        user_agent: slot('userAgent'),
        address: slot('address'),
      })
      .returning(COLUMNS),
);
const live = new CompiledStatement((db, slot: SlotOf<{ userId: number; now: string }>) =>
  db
    .selectFrom('sessions')
    .select(COLUMNS)
    .where('user_id', '=', slot('userId'))
    .where('expires_at', '>', slot('now'))
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc'),
);
const ended = new CompiledStatement((db, slot: SlotOf<{ userId: number; id: string }>) =>
  db.deleteFrom('sessions').where('user_id', '=', slot('userId')).where('id', '=', slot('id')).returning('id'),
);
const endedAll = new CompiledStatement((db, slot: SlotOf<{ userId: number; keep: string | null }>) =>
  db
    .deleteFrom('sessions')
    .where('user_id', '=', slot('userId'))
    // `is distinct from`: with no session to keep (null), every row goes.
    .where(sql<boolean>`id is distinct from ${slot('keep')}::uuid`)
    .returning('id'),
);
const touched = new CompiledStatement((db, slot: SlotOf<{ id: string; now: string }>) =>
  db
    .updateTable('sessions')
    .set({ last_seen_at: slot('now') })
    .where('id', '=', slot('id')),
);
const forgotten = new CompiledStatement((db, slot: SlotOf<{ now: string; limit: number }>) =>
  db
    .deleteFrom('sessions')
    .where('id', 'in', (sub) => sub.selectFrom('sessions').select('id').where('expires_at', '<=', slot('now')).limit(slot('limit')))
    .returning('id'),
);

const toSession = (row: StatementRow<typeof live>): Session => ({
  id: sessionId(row.id),
  userId: userId(row.user_id),
  createdAt: dateFromColumn(row.created_at),
  lastSeenAt: dateFromColumn(row.last_seen_at),
  expiresAt: dateFromColumn(row.expires_at),
  userAgent: row.user_agent ?? null,
  address: row.address ?? null,
});

/** `sessions`, one compiled statement per operation. */
export class KyselySessionRepository implements SessionRepository {
  /** `started` hears of each session added, whose next requests must read what this one wrote (replicas/read-floor.ts). */
  constructor(
    private readonly em: EntityManagerSource,
    private readonly started: (sessionId: string) => void = () => undefined,
  ) {}

  async add(session: NewSession): Promise<Session> {
    const row = await added.first(this.em(), {
      userId: session.userId,
      createdAt: session.createdAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      userAgent: session.userAgent,
      address: session.address,
    });
    if (row === undefined) throw new Error('the session insert returned no row');
    this.started(row.id);
    return toSession(row);
  }

  async listLive(userId: UserId, now: Date): Promise<Session[]> {
    return (await live.rows(this.em(), { userId, now: now.toISOString() })).map(toSession);
  }

  async end(userId: UserId, id: SessionId): Promise<boolean> {
    return (await ended.rows(this.em(), { userId, id })).length > 0;
  }

  async endAll(user: Pick<User, 'id' | 'username'>, allowed: Authorized<'session:end-all' | 'account:lock'>): Promise<number> {
    assertAuthorized(allowed, allowed.action, user.username);
    return (await endedAll.rows(this.em(), { userId: user.id, keep: null })).length;
  }

  async endOwn(actor: UserActor, keep?: SessionId): Promise<number> {
    return (await endedAll.rows(this.em(), { userId: actor.userId, keep: keep ?? null })).length;
  }

  async touch(id: SessionId, now: Date): Promise<void> {
    await touched.rows(this.em(), { id, now: now.toISOString() });
  }

  async forgetExpired(now: Date, limit: number): Promise<number> {
    return (await forgotten.rows(this.em(), { now: now.toISOString(), limit })).length;
  }
}
