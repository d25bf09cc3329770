import type { SessionId, UserId } from './ids.js';

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Narrows text from outside (a database column, a command-line argument) to a Role. */
export const isRole = (value: string): value is Role => ROLES.some((role) => role === value);

/** Who is making a request. Built at the boundary after the token is verified and the user loaded. */
export type UserActor = {
  readonly kind: 'user';
  readonly userId: UserId;
  readonly role: Role;
  /** The session the request's token belongs to; null when acting outside one (a job for its owner, a test). */
  readonly sessionId: SessionId | null;
};
export type AnonymousActor = { readonly kind: 'anonymous' };
/** An operator acting through the command line, outside any user account. */
export type SystemActor = { readonly kind: 'system'; readonly operator: string };
export type Actor = UserActor | AnonymousActor;

export const anonymous: AnonymousActor = { kind: 'anonymous' };
export const userActor = (userId: UserId, role: Role, sessionId: SessionId | null = null): UserActor => ({
  kind: 'user',
  userId,
  role,
  sessionId,
});
export const systemActor = (operator: string): SystemActor => ({ kind: 'system', operator });

export const isAdmin = (actor: UserActor): boolean => actor.role === 'admin';

/** The viewer's id when there is one: read models use it for `following` and `favorited`. */
export const viewerIdOf = (actor: Actor): UserId | null => (actor.kind === 'user' ? actor.userId : null);
