import { parseSessionId, type TokenClaims, userActor, userId } from '@conduit/domain';
import { errAsync, okAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { authenticate } from './authenticate.js';

const session = parseSessionId('00000000-0000-4000-8000-000000000001');
if (session === null) throw new Error('not a session id');
const verifier = {
  verify: (token: string) =>
    token === 'good' || token === 'gone'
      ? okAsync({ userId: userId(token === 'good' ? 1 : 2), sessionId: session })
      : errAsync({ type: 'InvalidToken' as const, reason: 'bad' }),
};
const self = { username: 'jake', bio: null, image: null };
const resolveActor = (claims: TokenClaims) =>
  claims.userId === 1
    ? okAsync({ actor: userActor(claims.userId, 'user', claims.sessionId), self })
    : errAsync({ type: 'CurrentUserGone' as const });

describe('authenticate (parse -> verify -> load)', () => {
  it('is anonymous without a header, invalid when any step refuses, a user when all pass', async () => {
    expect(await authenticate(undefined, verifier, resolveActor)).toEqual({ kind: 'anonymous' });
    expect(await authenticate('Basic x', verifier, resolveActor)).toEqual({ kind: 'invalid' });
    expect(await authenticate('Token bad', verifier, resolveActor)).toEqual({ kind: 'invalid' });
    expect(await authenticate('Token gone', verifier, resolveActor)).toEqual({ kind: 'invalid' });
    expect(await authenticate('Token good', verifier, resolveActor)).toEqual({
      kind: 'user',
      actor: userActor(userId(1), 'user', session),
      self,
    });
  });
});
