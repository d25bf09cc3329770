import { z } from '@hono/zod-openapi';

export const ProfileJson = z
  .object({
    username: z.string(),
    bio: z.string().nullable(),
    image: z.string().nullable(),
    following: z.boolean(),
  })
  .openapi('Profile');

export const ProfileResponse = z.object({ profile: ProfileJson }).openapi('ProfileResponse');
