import type { User, UserId, UserProfile } from '@conduit/domain';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';

/*
 * The writes of an existing user, each one compiled statement that names its tenant
 * (tenants/tenant-predicates.ts) and writes only its own columns: a profile update cannot touch
 * the role or the lock, which take their policies' proofs.
 */

type ProfileRow = { id: UserId; username: string; email: string; passwordHash: string; bio: string | null; image: string | null };

export const profileRow = (profile: UserProfile): ProfileRow => ({
  id: profile.id,
  username: profile.username,
  email: profile.email,
  passwordHash: profile.passwordHash,
  bio: profile.bio,
  image: profile.image,
});

export const updateProfile = new CompiledStatement((db, slot: SlotOf<ProfileRow>) =>
  db
    .updateTable('users')
    .set({
      username: slot('username'),
      email: slot('email'),
      password_hash: slot('passwordHash'),
      bio: slot('bio'),
      image: slot('image'),
    })
    .where('id', '=', slot('id')),
);

type RoleRow = { id: UserId; role: string; roleAssignedBy: string | null; roleAssignedAt: string | null };

export const roleRow = (user: User): RoleRow => ({
  id: user.id,
  role: user.role,
  roleAssignedBy: user.roleAssignment?.by ?? null,
  roleAssignedAt: user.roleAssignment?.at.toISOString() ?? null,
});

export const updateRole = new CompiledStatement((db, slot: SlotOf<RoleRow>) =>
  db
    .updateTable('users')
    .set({ role: slot('role'), role_assigned_by: slot('roleAssignedBy'), role_assigned_at: slot('roleAssignedAt') })
    .where('id', '=', slot('id')),
);

type LockRow = { id: UserId; lockedBy: string | null; lockedAt: string | null; lockedReason: string | null };

export const lockRow = (user: User): LockRow => ({
  id: user.id,
  lockedBy: user.lock?.by ?? null,
  lockedAt: user.lock?.at.toISOString() ?? null,
  lockedReason: user.lock?.reason ?? null,
});

export const updateLock = new CompiledStatement((db, slot: SlotOf<LockRow>) =>
  db
    .updateTable('users')
    .set({ locked_by: slot('lockedBy'), locked_at: slot('lockedAt'), locked_reason: slot('lockedReason') })
    .where('id', '=', slot('id')),
);
