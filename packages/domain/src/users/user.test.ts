import { describe, expect, it } from 'vitest';
import { userId } from '../shared/ids.js';
import { applyProfileChanges, newUser, normalizeEmail } from './user.js';

const user = { ...newUser({ username: 'jake', email: 'Jake@Example.com', passwordHash: 'h' }), id: userId(1) };

describe('users', () => {
  it('store emails lower-cased and trimmed', () => {
    expect(user.email).toBe('jake@example.com');
    expect(normalizeEmail('  A@B.C ')).toBe('a@b.c');
  });

  it('start with no bio, no image and the user role', () => {
    expect(user).toMatchObject({ bio: null, image: null, role: 'user' });
  });

  it('keep omitted settings unchanged', () => {
    expect(applyProfileChanges({ ...user, bio: 'bio' }, {})).toEqual({ ...user, bio: 'bio' });
  });

  it('clear bio and image when sent "" or null', () => {
    const withBoth = { ...user, bio: 'bio', image: 'https://x/y.png' };
    expect(applyProfileChanges(withBoth, { bio: '', image: null })).toMatchObject({ bio: null, image: null });
  });

  it('apply new values', () => {
    expect(applyProfileChanges(user, { username: 'jacob', email: 'NEW@x.io', bio: 'hi' })).toMatchObject({
      username: 'jacob',
      email: 'new@x.io',
      bio: 'hi',
    });
  });
});
