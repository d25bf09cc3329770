export type UsernameTaken = { readonly type: 'UsernameTaken'; readonly username: string };
export type EmailTaken = { readonly type: 'EmailTaken'; readonly email: string };
/** Deliberately says nothing about which of email and password was wrong. */
export type InvalidCredentials = { readonly type: 'InvalidCredentials' };
export type ProfileNotFound = { readonly type: 'ProfileNotFound'; readonly username: string };
/** A valid token whose user no longer exists. */
export type CurrentUserGone = { readonly type: 'CurrentUserGone' };
export type CannotFollowYourself = { readonly type: 'CannotFollowYourself' };
export type RoleChangeForbidden = { readonly type: 'RoleChangeForbidden' };

export type UniqueUserFieldTaken = UsernameTaken | EmailTaken;

export type UserError =
  | UsernameTaken
  | EmailTaken
  | InvalidCredentials
  | ProfileNotFound
  | CurrentUserGone
  | CannotFollowYourself
  | RoleChangeForbidden;
