import type { TokenClaims, TokenIssuer } from '@conduit/domain';

/** Tokens that name their user and session in clear; only for unit tests. */
export class FakeTokenIssuer implements TokenIssuer {
  readonly lifetimeSeconds = 7 * 24 * 3600;

  async issue(claims: TokenClaims): Promise<string> {
    return `token-for-${claims.userId}-${claims.sessionId}`;
  }
}
