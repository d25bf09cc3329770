import type { SelfProfile, UseCases } from '@conduit/app';
import type { TokenVerifier, UserActor } from '@conduit/domain';
import { parseAuthorization } from './parse-authorization.js';

export type Authentication =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'user'; readonly actor: UserActor; readonly self: SelfProfile };

/**
 * Parse, verify, load: three separate steps, each its own unit. Loading checks that the token's
 * session still stands, so a token of an ended session is `invalid` from the next request on. The route's auth mode decides
 * what an anonymous or invalid outcome means (see route-auth.ts).
 */
export const authenticate = async (
  header: string | undefined,
  tokenVerifier: TokenVerifier,
  resolveActor: UseCases['resolveActor'],
): Promise<Authentication> => {
  const parsed = parseAuthorization(header);
  if (parsed.kind === 'missing') return { kind: 'anonymous' };
  if (parsed.kind === 'malformed') return { kind: 'invalid' };
  const verified = await tokenVerifier.verify(parsed.token);
  if (verified.isErr()) return { kind: 'invalid' };
  const signedIn = await resolveActor(verified.value);
  return signedIn.isOk() ? { kind: 'user', actor: signedIn.value.actor, self: signedIn.value.self } : { kind: 'invalid' };
};
