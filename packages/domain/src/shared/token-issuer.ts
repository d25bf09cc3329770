import type { SessionId, UserId } from './ids.js';

/** What a token says: whose it is and which session it belongs to. */
export type TokenClaims = { readonly userId: UserId; readonly sessionId: SessionId };

/** Issues the bearer token a client sends back as `Authorization: Token <jwt>`. */
export interface TokenIssuer {
  /** How long a session lasts from sign-in. A token lives as long, and is good only while its session stands. */
  readonly lifetimeSeconds: number;
  issue(claims: TokenClaims): Promise<string>;
}
