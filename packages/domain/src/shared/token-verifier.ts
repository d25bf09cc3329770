import type { ResultAsync } from 'neverthrow';
import type { TokenClaims } from './token-issuer.js';

/** Why a presented token was refused. Never shown to clients beyond "invalid token". */
export type InvalidToken = { readonly type: 'InvalidToken'; readonly reason: string };

/**
 * Checks a bearer token's signature and claims and says whose session it names. Whether that
 * session still stands is the store's to say, on every request (see ActorQueries).
 */
export interface TokenVerifier {
  verify(token: string): ResultAsync<TokenClaims, InvalidToken>;
}
