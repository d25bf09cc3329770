import { createInMemoryApp, type InMemoryApp } from '@conduit/adapters-memory/testing';
import { anonymous, parseSessionId, userActor, userId } from '@conduit/domain';
import { aSignUp, profileChanges } from '@conduit/domain/testing';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { ALL_FEATURES_ON } from '../features.js';

let app: InMemoryApp;
beforeEach(() => {
  app = createInMemoryApp();
});
const ctx = { actor: anonymous, features: ALL_FEATURES_ON };

describe('registerUser', () => {
  it('creates the user and signs them in', async () => {
    const result = await app.useCases.registerUser(ctx, aSignUp({ username: 'jake', email: 'Jake@Jake.jake', password: 'jakejake' }));
    expect(result._unsafeUnwrap()).toEqual({
      email: 'jake@jake.jake',
      token: expect.stringMatching(/^token-for-\d+-[0-9a-f-]{36}$/),
      username: 'jake',
      bio: null,
      image: null,
    });
    expect((await app.repositories.users.findByUsername('jake'))?.passwordHash).toBe('fake-hash:jakejake');
  });

  it('names only the field that is taken', async () => {
    (await app.useCases.registerUser(ctx, aSignUp({ username: 'jake', email: 'jake@jake.jake', password: 'jakejake' })))._unsafeUnwrap();
    const sameName = await app.useCases.registerUser(ctx, aSignUp({ username: 'jake', email: 'other@x.io', password: 'jakejake' }));
    expect(sameName._unsafeUnwrapErr().type).toBe('UsernameTaken');
    const sameEmail = await app.useCases.registerUser(ctx, aSignUp({ username: 'other', email: 'JAKE@jake.jake', password: 'jakejake' }));
    expect(sameEmail._unsafeUnwrapErr().type).toBe('EmailTaken');
  });
});

describe('loginUser', () => {
  beforeEach(async () => {
    (await app.useCases.registerUser(ctx, aSignUp({ username: 'jake', email: 'jake@jake.jake', password: 'jakejake' })))._unsafeUnwrap();
  });

  it('signs in with the right password, whatever the email case', async () => {
    const result = await app.useCases.loginUser(ctx, { email: 'JAKE@jake.jake', password: 'jakejake' });
    expect(result._unsafeUnwrap().username).toBe('jake');
  });

  it('gives the same failure for a wrong password and an unknown email', async () => {
    const wrongPassword = await app.useCases.loginUser(ctx, { email: 'jake@jake.jake', password: 'nope' });
    const unknownEmail = await app.useCases.loginUser(ctx, { email: 'who@x.io', password: 'jakejake' });
    expect(wrongPassword._unsafeUnwrapErr()).toEqual({ type: 'InvalidCredentials' });
    expect(unknownEmail._unsafeUnwrapErr()).toEqual(wrongPassword._unsafeUnwrapErr());
  });
});

describe('password hashes made with older parameters', () => {
  it('are replaced on the next successful login, and only then', async () => {
    const user = (
      await app.repositories.users.add({
        username: 'old',
        email: 'old@example.com',
        passwordHash: 'fake-old:secret-password',
        bio: null,
        image: null,
        role: 'user',
        roleAssignment: null,
        lock: null,
      })
    )._unsafeUnwrap();
    (await app.useCases.loginUser(ctx, { email: 'old@example.com', password: 'wrong-password' }))._unsafeUnwrapErr();
    expect((await app.repositories.users.findById(user.id))?.passwordHash).toBe('fake-old:secret-password');
    expect((await app.useCases.loginUser(ctx, { email: 'old@example.com', password: 'secret-password' })).isOk()).toBe(true);
    expect((await app.repositories.users.findById(user.id))?.passwordHash).toBe('fake-hash:secret-password');
    expect((await app.useCases.loginUser(ctx, { email: 'old@example.com', password: 'secret-password' })).isOk()).toBe(true);
  });
});

describe('getCurrentUser and resolveActor', () => {
  it('return the signed-in user', async () => {
    const jake = await app.signUp('jake');
    expect((await app.useCases.getCurrentUser({ actor: jake, features: ALL_FEATURES_ON }))._unsafeUnwrap().username).toBe('jake');
    expect((await app.useCases.resolveActor({ userId: jake.userId, sessionId: jake.sessionId! }))._unsafeUnwrap()).toEqual({
      actor: jake,
      self: { username: 'jake', bio: null, image: null },
    });
  });

  it('refuse a user that no longer exists', async () => {
    const ghost = userActor(userId(999), 'user', parseSessionId('00000000-0000-4000-8000-000000000000'));
    expect((await app.useCases.getCurrentUser({ actor: ghost, features: ALL_FEATURES_ON }))._unsafeUnwrapErr().type).toBe(
      'CurrentUserGone',
    );
    expect((await app.useCases.resolveActor({ userId: ghost.userId, sessionId: ghost.sessionId! }))._unsafeUnwrapErr().type).toBe(
      'CurrentUserGone',
    );
  });
});

describe('updateUser', () => {
  it('keeps omitted fields, treats an empty password as unchanged and clears bio/image with ""', async () => {
    const jake = await app.signUp('jake');
    (
      await app.useCases.updateUser(
        { actor: jake, features: ALL_FEATURES_ON },
        profileChanges({ bio: 'I like dragons', image: 'https://x.io/a.png' }),
      )
    )._unsafeUnwrap();
    const result = await app.useCases.updateUser(
      { actor: jake, features: ALL_FEATURES_ON },
      profileChanges({ username: 'jake', email: 'jake@example.com', password: '', bio: '', image: '' }),
    );
    expect(result._unsafeUnwrap()).toMatchObject({ username: 'jake', bio: null, image: null });
    expect((await app.repositories.users.findByUsername('jake'))?.passwordHash).toBe('fake-hash:password123');
  });

  it('changes the password when one is given', async () => {
    const jake = await app.signUp('jake');
    (
      await app.useCases.updateUser({ actor: jake, features: ALL_FEATURES_ON }, profileChanges({ password: 'new-password' }))
    )._unsafeUnwrap();
    const login = await app.useCases.loginUser(ctx, { email: 'jake@example.com', password: 'new-password' });
    expect(login.isOk()).toBe(true);
  });

  it("refuses another user's username or email", async () => {
    const jake = await app.signUp('jake');
    await app.signUp('ann');
    expect(
      (await app.useCases.updateUser({ actor: jake, features: ALL_FEATURES_ON }, profileChanges({ username: 'ann' })))._unsafeUnwrapErr()
        .type,
    ).toBe('UsernameTaken');
    expect(
      (
        await app.useCases.updateUser({ actor: jake, features: ALL_FEATURES_ON }, profileChanges({ email: 'ann@example.com' }))
      )._unsafeUnwrapErr().type,
    ).toBe('EmailTaken');
  });

  it('refuses an actor whose user is gone', async () => {
    const ghost = userActor(userId(999), 'user', parseSessionId('00000000-0000-4000-8000-000000000000'));
    expect(
      (await app.useCases.updateUser({ actor: ghost, features: ALL_FEATURES_ON }, profileChanges({ bio: 'x' })))._unsafeUnwrapErr().type,
    ).toBe('CurrentUserGone');
  });

  it('cannot be called by an anonymous actor (checked by the compiler in `pnpm typecheck`)', () => {
    type UpdateUserContext = Parameters<InMemoryApp['useCases']['updateUser']>[0];
    expectTypeOf<typeof ctx>().not.toExtend<UpdateUserContext>();
    expectTypeOf<{ actor: ReturnType<typeof userActor>; features: typeof ALL_FEATURES_ON }>().toExtend<UpdateUserContext>();
  });
});
