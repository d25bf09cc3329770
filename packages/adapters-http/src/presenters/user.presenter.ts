import type { AuthenticatedUserView } from '@conduit/app';
import type { z } from '@hono/zod-openapi';
import type { UserResponse } from '../schemas/user.schemas.js';

export const presentUser = (view: AuthenticatedUserView): z.infer<typeof UserResponse> => ({
  user: { email: view.email, token: view.token, username: view.username, bio: view.bio, image: view.image },
});
