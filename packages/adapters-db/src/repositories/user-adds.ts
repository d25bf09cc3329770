import type { NewUser } from '@conduit/domain';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { userToRecordData } from '../mappers/user.mapper.js';

/** A new user's columns, as the statement takes them (times as ISO text, as every compiled statement's). */
export type UserRow = {
  username: string;
  email: string;
  passwordHash: string;
  bio: string | null;
  image: string | null;
  role: string;
  roleAssignedBy: string | null;
  roleAssignedAt: string | null;
  lockedBy: string | null;
  lockedAt: string | null;
  lockedReason: string | null;
};

export const toUserRow = (user: NewUser): UserRow => {
  const data = userToRecordData(user);
  return { ...data, roleAssignedAt: data.roleAssignedAt?.toISOString() ?? null, lockedAt: data.lockedAt?.toISOString() ?? null };
};

/** One user, in one statement that names its tenant (tenants/tenant-predicates.ts); answers its id. */
export const addUser = new CompiledStatement((db, slot: SlotOf<UserRow>) =>
  db
    .insertInto('users')
    .values({
      username: slot('username'),
      email: slot('email'),
      password_hash: slot('passwordHash'),
      bio: slot('bio'),
      image: slot('image'),
      role: slot('role'),
      role_assigned_by: slot('roleAssignedBy'),
      role_assigned_at: slot('roleAssignedAt'),
      locked_by: slot('lockedBy'),
      locked_at: slot('lockedAt'),
      locked_reason: slot('lockedReason'),
    })
    .returning('id'),
);
