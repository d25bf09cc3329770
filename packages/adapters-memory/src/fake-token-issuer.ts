import type { TokenIssuer, UserId } from '@conduit/domain';

/** Tokens that name their user in clear; only for unit tests. */
export class FakeTokenIssuer implements TokenIssuer {
  async issue(userId: UserId): Promise<string> {
    return `token-for-${userId}`;
  }
}
