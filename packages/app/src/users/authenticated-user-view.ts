import type { SessionId, TokenIssuer, User } from '@conduit/domain';
import type { AuthenticatedUserView } from '../read-models/user-view.js';

/** The user as RealWorld answers it: with a token for the given session. */
export const toAuthenticatedUserView = async (
  tokenIssuer: TokenIssuer,
  user: User,
  sessionId: SessionId,
): Promise<AuthenticatedUserView> => ({
  email: user.email,
  token: await tokenIssuer.issue({ userId: user.id, sessionId }),
  username: user.username,
  bio: user.bio,
  image: user.image,
});
