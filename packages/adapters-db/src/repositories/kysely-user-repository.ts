import type { Authorized, NewUser, UniqueUserFieldTaken, User, UserId, UserProfile, UserRepository } from '@conduit/domain';
import { assertAuthorized, userId, userIdempotencyScope } from '@conduit/domain';
import { err, ok, ResultAsync } from 'neverthrow';
import type { EntityManagerSource } from '../entity-manager.js';
import { violatedUniqueConstraint } from '../unique-violation.js';
import { removeArticlesOf, removeFavoritesOf, removeIdempotencyKeysOf, removeUser } from './counted-account-erasure.js';
import { userByEmail, userById, userByUsername, userFromRow } from './entity-reads.js';
import { addUser, toUserRow } from './user-adds.js';
import { lockRow, profileRow, roleRow, updateLock, updateProfile, updateRole } from './user-writes.js';

export class KyselyUserRepository implements UserRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async findById(id: UserId): Promise<User | null> {
    const row = await userById.first(this.em(), { id });
    return row ? userFromRow(row) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await userByEmail.first(this.em(), { email });
    return row ? userFromRow(row) : null;
  }

  async findByUsername(username: string): Promise<User | null> {
    const row = await userByUsername.first(this.em(), { username });
    return row ? userFromRow(row) : null;
  }

  add(user: NewUser): ResultAsync<User, UniqueUserFieldTaken> {
    return this.guardUnique(user, async () => {
      const added = await addUser.first(this.em(), toUserRow(user));
      if (added === undefined) throw new Error('The insert of a user answered no id');
      return { ...user, id: userId(added.id) };
    });
  }

  updateProfile(profile: UserProfile): ResultAsync<User, UniqueUserFieldTaken> {
    return this.guardUnique(profile, async () => {
      const em = this.em();
      await updateProfile.rows(em, profileRow(profile));
      // Read back in the same transaction, on its connection: what was written, as the database holds it.
      const stored = await userById.first(em, { id: profile.id });
      if (stored === undefined) throw new Error(`User ${profile.id} vanished during its profile update`);
      return userFromRow(stored);
    });
  }

  async saveRole(user: User, allowed: Authorized<'role:assign'>): Promise<void> {
    assertAuthorized(allowed, 'role:assign', user.username);
    await updateRole.rows(this.em(), roleRow(user));
  }

  async saveLock(user: User, allowed: Authorized<'account:lock'>): Promise<void> {
    assertAuthorized(allowed, 'account:lock', user.username);
    await updateLock.rows(this.em(), lockRow(user));
  }

  /** Four statements, in the caller's unit of work; the rest goes with the user row (ON DELETE CASCADE). */
  async erase(user: User, allowed: Authorized<'account:erase'>): Promise<void> {
    assertAuthorized(allowed, 'account:erase', user.username);
    const em = this.em();
    await removeFavoritesOf.rows(em, { userId: user.id });
    await removeArticlesOf.rows(em, { userId: user.id });
    await removeIdempotencyKeysOf.rows(em, { scope: userIdempotencyScope(user.id) });
    await removeUser.rows(em, { userId: user.id });
  }

  private guardUnique(user: Pick<User, 'username' | 'email'>, write: () => Promise<User>): ResultAsync<User, UniqueUserFieldTaken> {
    return new ResultAsync(
      write().then(
        (saved) => ok(saved),
        (error: unknown) => {
          const constraint = violatedUniqueConstraint(error);
          if (constraint === 'users_tenant_username_unique') return err({ type: 'UsernameTaken', username: user.username } as const);
          if (constraint === 'users_tenant_email_unique') return err({ type: 'EmailTaken', email: user.email } as const);
          throw error;
        },
      ),
    );
  }
}
