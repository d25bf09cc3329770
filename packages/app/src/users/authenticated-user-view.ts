import type { TokenIssuer, User } from '@conduit/domain';
import type { AuthenticatedUserView } from '../read-models/user-view.js';

export const toAuthenticatedUserView = async (tokenIssuer: TokenIssuer, user: User): Promise<AuthenticatedUserView> => ({
  email: user.email,
  token: await tokenIssuer.issue(user.id),
  username: user.username,
  bio: user.bio,
  image: user.image,
});
