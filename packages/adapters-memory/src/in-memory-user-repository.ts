import { type NewUser, type UniqueUserFieldTaken, type User, type UserId, type UserRepository, userId } from '@conduit/domain';
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

  update(user: User): ResultAsync<User, UniqueUserFieldTaken> {
    return this.save(user);
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
