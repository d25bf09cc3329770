import type { Role } from '../shared/actor.js';
import type { UserId } from '../shared/ids.js';
import { assertAuthorized, type Authorized } from '../shared/authorized.js';

export type User = {
  readonly id: UserId;
  readonly username: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly bio: string | null;
  readonly image: string | null;
  readonly role: Role;
};

export type NewUser = Omit<User, 'id'>;

/** Emails are compared case-insensitively, so they are stored in one canonical form. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** An empty bio or image means "clear it": clients send "" from an emptied form field. */
export const emptyToNull = (value: string | null): string | null => (value === '' ? null : value);

export type ProfileChanges = {
  readonly username?: string;
  readonly email?: string;
  readonly passwordHash?: string;
  readonly bio?: string | null;
  readonly image?: string | null;
};

export const newUser = (input: { username: string; email: string; passwordHash: string }): NewUser => ({
  username: input.username,
  email: normalizeEmail(input.email),
  passwordHash: input.passwordHash,
  bio: null,
  image: null,
  role: 'user',
});

/** Applies the settings form to a user; omitted fields stay as they are. */
export const applyProfileChanges = (user: User, changes: ProfileChanges): User => ({
  ...user,
  username: changes.username ?? user.username,
  email: changes.email === undefined ? user.email : normalizeEmail(changes.email),
  passwordHash: changes.passwordHash ?? user.passwordHash,
  bio: changes.bio === undefined ? user.bio : emptyToNull(changes.bio),
  image: changes.image === undefined ? user.image : emptyToNull(changes.image),
});

/** An operator's role assignment; needs the role policy's proof for this user. */
export const assignRole = (user: User, role: Role, allowed: Authorized<'role:assign'>): User => {
  assertAuthorized(allowed, 'role:assign', user.username);
  return { ...user, role };
};
