import type { SessionNotFound } from '../sessions/session.errors.js';

export type UsernameTaken = { readonly type: 'UsernameTaken'; readonly username: string };
export type EmailTaken = { readonly type: 'EmailTaken'; readonly email: string };
/** Deliberately says nothing about which of email and password was wrong. */
export type InvalidCredentials = { readonly type: 'InvalidCredentials' };
export type ProfileNotFound = { readonly type: 'ProfileNotFound'; readonly username: string };
/** A valid token whose user no longer exists. */
export type CurrentUserGone = { readonly type: 'CurrentUserGone' };
export type CannotFollowYourself = { readonly type: 'CannotFollowYourself' };
export type RoleChangeForbidden = { readonly type: 'RoleChangeForbidden' };
/** The password was right, but an operator or admin has locked the account. */
export type AccountLocked = { readonly type: 'AccountLocked' };
/** Locking an account, or ending another user's sessions, is for operators and admins, and never on an admin. */
export type AccountActionForbidden = { readonly type: 'AccountActionForbidden' };
/** A confirmation that needs the current password got a wrong one. */
export type WrongPassword = { readonly type: 'WrongPassword' };

export type UniqueUserFieldTaken = UsernameTaken | EmailTaken;

export type UserError =
  | UsernameTaken
  | EmailTaken
  | InvalidCredentials
  | ProfileNotFound
  | CurrentUserGone
  | CannotFollowYourself
  | RoleChangeForbidden
  | AccountLocked
  | AccountActionForbidden
  | WrongPassword
  | SessionNotFound;
