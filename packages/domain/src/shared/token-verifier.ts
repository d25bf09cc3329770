import type { ResultAsync } from 'neverthrow';
import type { UserId } from './ids.js';

/** Why a presented token was refused. Never shown to clients beyond "invalid token". */
export type InvalidToken = { readonly type: 'InvalidToken'; readonly reason: string };

/** Checks a bearer token's signature and claims and names the user it was issued to. */
export interface TokenVerifier {
  verify(token: string): ResultAsync<UserId, InvalidToken>;
}
