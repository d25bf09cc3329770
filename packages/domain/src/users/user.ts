import type { Actor, Role, SystemActor } from '../shared/actor.js';
import { type Authorized, assertAuthorized } from '../shared/authorized.js';
import type { UserId } from '../shared/ids.js';

export type User = {
  readonly id: UserId;
  readonly username: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly bio: string | null;
  readonly image: string | null;
  readonly role: Role;
  /** Who gave the user their current role, and when; null while it is the role they signed up with. */
  readonly roleAssignment: RoleAssignment | null;
  /** Set while an operator or admin has locked the account: it cannot sign in and has no sessions. */
  readonly lock: AccountLock | null;
};

export type RoleAssignment = { readonly by: string; readonly at: Date };
/** Who locked an account, when, and why (recorded as role changes are). */
export type AccountLock = { readonly by: string; readonly at: Date; readonly reason: string };

export type NewUser = Omit<User, 'id'>;

/**
 * What a profile update writes. Never the role, its assignment or a lock, which take their
 * policies' proofs: a value carrying any of them does not compile as a profile.
 */
export type UserProfile = Pick<User, 'id' | 'username' | 'email' | 'passwordHash' | 'bio' | 'image'> & {
  readonly role?: never;
  readonly roleAssignment?: never;
  readonly lock?: never;
};

/** The profile part of a user, for a profile update. */
export const profileOf = (user: User): UserProfile => ({
  id: user.id,
  username: user.username,
  email: user.email,
  passwordHash: user.passwordHash,
  bio: user.bio,
  image: user.image,
});

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
  roleAssignment: null,
  lock: null,
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

/** How an actor is named in an audit record: operators by the name they gave, users by id. */
export const auditName = (actor: Actor | SystemActor): string =>
  actor.kind === 'system' ? actor.operator : actor.kind === 'user' ? `user:${actor.userId}` : 'anonymous';

/** An operator's role assignment, recorded on the user; needs the role policy's proof for this user. */
export const assignRole = (user: User, role: Role, assignment: RoleAssignment, allowed: Authorized<'role:assign'>): User => {
  assertAuthorized(allowed, 'role:assign', user.username);
  return { ...user, role, roleAssignment: assignment };
};

/** Locks or unlocks (`lock` null) an account; needs the account policy's proof for this user. */
export const setAccountLock = (user: User, lock: AccountLock | null, allowed: Authorized<'account:lock'>): User => {
  assertAuthorized(allowed, 'account:lock', user.username);
  return { ...user, lock };
};
