/** The signed-in user as they see themselves, with a fresh token. */
export type AuthenticatedUserView = {
  readonly email: string;
  readonly token: string;
  readonly username: string;
  readonly bio: string | null;
  readonly image: string | null;
};
