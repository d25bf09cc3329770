import { randomUUID } from 'node:crypto';
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
} from '@conduit/domain';
import type { InMemoryStore } from './in-memory-store.js';

export class InMemorySessionRepository implements SessionRepository {
  constructor(private readonly store: InMemoryStore) {}

  async add(session: NewSession): Promise<Session> {
    const stored = { ...session, id: sessionId(randomUUID()) };
    this.store.sessions.set(stored.id, stored);
    return stored;
  }

  async listLive(userId: UserId, now: Date): Promise<Session[]> {
    return [...this.store.sessions.values()]
      .filter((session) => session.userId === userId && session.expiresAt > now)
      .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime());
  }

  async end(userId: UserId, id: SessionId): Promise<boolean> {
    if (this.store.sessions.get(id)?.userId !== userId) return false;
    return this.store.sessions.delete(id);
  }

  async endAll(user: Pick<User, 'id' | 'username'>, allowed: Authorized<'session:end-all' | 'account:lock'>): Promise<number> {
    assertAuthorized(allowed, allowed.action, user.username);
    return this.deleteWhere((session) => session.userId === user.id);
  }

  async endOwn(actor: UserActor, keep?: SessionId): Promise<number> {
    return this.deleteWhere((session) => session.userId === actor.userId && session.id !== keep);
  }

  async touch(id: SessionId, now: Date): Promise<void> {
    const session = this.store.sessions.get(id);
    if (session !== undefined) this.store.sessions.set(id, { ...session, lastSeenAt: now });
  }

  async forgetExpired(now: Date, limit: number): Promise<number> {
    let left = limit;
    return this.deleteWhere((session) => session.expiresAt <= now && left-- > 0);
  }

  private deleteWhere(predicate: (session: Session) => boolean): number {
    let deleted = 0;
    for (const session of [...this.store.sessions.values()]) {
      if (predicate(session) && this.store.sessions.delete(session.id)) deleted += 1;
    }
    return deleted;
  }
}
