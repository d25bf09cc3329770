import { type UserId, userActor, userId } from '@conduit/domain';
import { errAsync, okAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { authenticate } from './authenticate.js';

const verifier = {
  verify: (token: string) =>
    token === 'good' || token === 'gone'
      ? okAsync(userId(token === 'good' ? 1 : 2))
      : errAsync({ type: 'InvalidToken' as const, reason: 'bad' }),
};
const resolveActor = (id: UserId) => (id === 1 ? okAsync(userActor(id, 'user')) : errAsync({ type: 'CurrentUserGone' as const }));

describe('authenticate (parse -> verify -> load)', () => {
  it('is anonymous without a header, invalid when any step refuses, a user when all pass', async () => {
    expect(await authenticate(undefined, verifier, resolveActor)).toEqual({ kind: 'anonymous' });
    expect(await authenticate('Basic x', verifier, resolveActor)).toEqual({ kind: 'invalid' });
    expect(await authenticate('Token bad', verifier, resolveActor)).toEqual({ kind: 'invalid' });
    expect(await authenticate('Token gone', verifier, resolveActor)).toEqual({ kind: 'invalid' });
    expect(await authenticate('Token good', verifier, resolveActor)).toEqual({ kind: 'user', actor: userActor(userId(1), 'user') });
  });
});
