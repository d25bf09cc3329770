/** A user as another user (the viewer) sees them. */
export type ProfileView = {
  readonly username: string;
  readonly bio: string | null;
  readonly image: string | null;
  readonly following: boolean;
};
