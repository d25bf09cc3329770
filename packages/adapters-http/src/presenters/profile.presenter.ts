import type { ProfileView } from '@conduit/app';
import type { z } from '@hono/zod-openapi';
import type { ProfileJson, ProfileResponse } from '../schemas/profile.schemas.js';

export const presentProfile = (view: ProfileView): z.infer<typeof ProfileJson> => ({
  username: view.username,
  bio: view.bio,
  image: view.image,
  following: view.following,
});

export const presentProfileResponse = (view: ProfileView): z.infer<typeof ProfileResponse> => ({
  profile: presentProfile(view),
});
