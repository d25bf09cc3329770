import {
  type Authorized,
  articleId,
  assertAuthorized,
  type NewUser,
  profileOf,
  type UniqueUserFieldTaken,
  type User,
  type UserId,
  type UserProfile,
  type UserRepository,
  userId,
  userIdempotencyScope,
} from '@conduit/domain';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import type { InMemoryStore } from './in-memory-store.js';

export class InMemoryUserRepository implements UserRepository {
  constructor(private readonly store: InMemoryStore) {}

  async findById(id: UserId): Promise<User | null> {
    return this.store.users.get(id) ?? null;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.find((user) => user.email === email);
  }

  async findByUsername(username: string): Promise<User | null> {
    return this.find((user) => user.username === username);
  }

  add(user: NewUser): ResultAsync<User, UniqueUserFieldTaken> {
    const stored = { ...user, id: userId(this.store.nextId()) };
    return this.save(stored);
  }

  updateProfile(profile: UserProfile): ResultAsync<User, UniqueUserFieldTaken> {
    const stored = this.store.users.get(profile.id);
    if (stored === undefined) throw new Error(`User ${profile.id} vanished during its profile update`);
    return this.save({ ...stored, ...profileOf({ ...stored, ...profile }) });
  }

  async saveRole(user: User, allowed: Authorized<'role:assign'>): Promise<void> {
    assertAuthorized(allowed, 'role:assign', user.username);
    const stored = this.store.users.get(user.id);
    if (stored !== undefined) this.store.users.set(user.id, { ...stored, role: user.role, roleAssignment: user.roleAssignment });
  }

  async saveLock(user: User, allowed: Authorized<'account:lock'>): Promise<void> {
    assertAuthorized(allowed, 'account:lock', user.username);
    const stored = this.store.users.get(user.id);
    if (stored !== undefined) this.store.users.set(user.id, { ...stored, lock: user.lock });
  }

  async erase(user: User, allowed: Authorized<'account:erase'>): Promise<void> {
    assertAuthorized(allowed, 'account:erase', user.username);
    const { store } = this;
    // Counters here are computed from the rows on reading, so removing the rows keeps them exact.
    const articles = new Set([...store.articles.values()].filter((article) => article.authorId === user.id).map((article) => article.id));
    for (const id of articles) store.articles.delete(id);
    for (const [id, comment] of store.comments) {
      if (comment.authorId === user.id || articles.has(comment.articleId)) store.comments.delete(id);
    }
    for (const key of store.favorites) {
      const [owner, article] = key.split(':').map(Number);
      if (owner === user.id || articles.has(articleId(article ?? 0))) store.favorites.delete(key);
    }
    for (const key of store.follows) {
      if (key.split(':').map(Number).includes(user.id)) store.follows.delete(key);
    }
    for (const [id, session] of store.sessions) if (session.userId === user.id) store.sessions.delete(id);
    for (const [id, stored] of store.jobs) if (stored.job.ownerId === user.id) store.jobs.delete(id);
    for (const key of store.idempotencyKeys.keys()) if (key.startsWith(`${user.id}:`)) store.idempotencyKeys.delete(key);
    const scope = `${userIdempotencyScope(user.id)}\n`;
    for (const key of store.writeKeys.keys()) if (key.startsWith(scope)) store.writeKeys.delete(key);
    store.users.delete(user.id);
  }

  private save(user: User): ResultAsync<User, UniqueUserFieldTaken> {
    const others = [...this.store.users.values()].filter((other) => other.id !== user.id);
    if (others.some((other) => other.username === user.username)) {
      return errAsync({ type: 'UsernameTaken', username: user.username });
    }
    if (others.some((other) => other.email === user.email)) return errAsync({ type: 'EmailTaken', email: user.email });
    this.store.users.set(user.id, user);
    return okAsync(user);
  }

  private find(predicate: (user: User) => boolean): User | null {
    return [...this.store.users.values()].find(predicate) ?? null;
  }
}
