import type { NewUser, UniqueUserFieldTaken, User, UserId, UserRepository } from '@conduit/domain';
import { userId } from '@conduit/domain';
import { err, ok, ResultAsync } from 'neverthrow';
import type { EntityManagerSource } from '../entity-manager.js';
import { userFromRecord, userToRecordData } from '../mappers/user.mapper.js';
import { UserRecord } from '../records/user.record.js';
import { violatedUniqueConstraint } from '../unique-violation.js';

export class MikroOrmUserRepository implements UserRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async findById(id: UserId): Promise<User | null> {
    return this.findOne({ id });
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.findOne({ email });
  }

  async findByUsername(username: string): Promise<User | null> {
    return this.findOne({ username });
  }

  add(user: NewUser): ResultAsync<User, UniqueUserFieldTaken> {
    return this.guardUnique(user, async () => {
      const id = await this.em().insert(UserRecord, userToRecordData(user));
      return { ...user, id: userId(Number(id)) };
    });
  }

  update(user: User): ResultAsync<User, UniqueUserFieldTaken> {
    return this.guardUnique(user, async () => {
      await this.em().nativeUpdate(UserRecord, { id: user.id }, userToRecordData(user));
      return user;
    });
  }

  private async findOne(where: { id: number } | { email: string } | { username: string }): Promise<User | null> {
    const record = await this.em().findOne(UserRecord, where);
    return record ? userFromRecord(record) : null;
  }

  private guardUnique(user: NewUser, write: () => Promise<User>): ResultAsync<User, UniqueUserFieldTaken> {
    return new ResultAsync(
      write().then(
        (saved) => ok(saved),
        (error: unknown) => {
          const constraint = violatedUniqueConstraint(error);
          if (constraint === 'users_username_unique') return err({ type: 'UsernameTaken', username: user.username } as const);
          if (constraint === 'users_email_unique') return err({ type: 'EmailTaken', email: user.email } as const);
          throw error;
        },
      ),
    );
  }
}
