import { isRole, type Role, type User, type UserProfile } from '@conduit/domain';

/** The column is text: a value the domain does not know is a defect in the data, not a user error. */
export const toRole = (value: string): Role => {
  if (!isRole(value)) throw new Error(`Unknown role "${value}" in users table`);
  return value;
};

/** The columns a profile update writes: everything but the role. */
export const profileToRecordData = (user: Pick<UserProfile, 'username' | 'email' | 'passwordHash' | 'bio' | 'image'>) => ({
  username: user.username,
  email: user.email,
  passwordHash: user.passwordHash,
  bio: user.bio,
  image: user.image,
});

/** The columns a role assignment writes. */
export const roleToRecordData = (user: Omit<User, 'id'>) => ({
  role: user.role,
  roleAssignedBy: user.roleAssignment?.by ?? null,
  roleAssignedAt: user.roleAssignment?.at ?? null,
});

/** The columns a lock (or unlock) writes. */
export const lockToRecordData = (user: Omit<User, 'id'>) => ({
  lockedBy: user.lock?.by ?? null,
  lockedAt: user.lock?.at ?? null,
  lockedReason: user.lock?.reason ?? null,
});

export const userToRecordData = (user: Omit<User, 'id'>) => ({
  ...profileToRecordData(user),
  ...roleToRecordData(user),
  ...lockToRecordData(user),
});
