import { createInMemoryApp, type InMemoryApp } from '@conduit/adapters-memory/testing';
import { anonymous } from '@conduit/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_FEATURES_ON } from '../features.js';

let app: InMemoryApp;
beforeEach(() => {
  app = createInMemoryApp();
});

describe('profiles', () => {
  it('show a profile to anonymous viewers', async () => {
    await app.signUp('jake');
    expect((await app.useCases.getProfile({ actor: anonymous, features: ALL_FEATURES_ON }, 'jake'))._unsafeUnwrap()).toEqual({
      username: 'jake',
      bio: null,
      image: null,
      following: false,
    });
    expect((await app.useCases.getProfile({ actor: anonymous, features: ALL_FEATURES_ON }, 'nobody'))._unsafeUnwrapErr().type).toBe(
      'ProfileNotFound',
    );
  });

  it('follow and unfollow idempotently', async () => {
    const ann = await app.signUp('ann');
    await app.signUp('jake');
    expect((await app.useCases.followUser({ actor: ann, features: ALL_FEATURES_ON }, 'jake'))._unsafeUnwrap().following).toBe(true);
    expect((await app.useCases.followUser({ actor: ann, features: ALL_FEATURES_ON }, 'jake'))._unsafeUnwrap().following).toBe(true);
    expect((await app.useCases.getProfile({ actor: ann, features: ALL_FEATURES_ON }, 'jake'))._unsafeUnwrap().following).toBe(true);
    expect((await app.useCases.unfollowUser({ actor: ann, features: ALL_FEATURES_ON }, 'jake'))._unsafeUnwrap().following).toBe(false);
    expect((await app.useCases.unfollowUser({ actor: ann, features: ALL_FEATURES_ON }, 'jake'))._unsafeUnwrap().following).toBe(false);
    expect((await app.useCases.getProfile({ actor: ann, features: ALL_FEATURES_ON }, 'jake'))._unsafeUnwrap().following).toBe(false);
  });

  it('refuse following oneself and unknown users', async () => {
    const ann = await app.signUp('ann');
    expect((await app.useCases.followUser({ actor: ann, features: ALL_FEATURES_ON }, 'ann'))._unsafeUnwrapErr().type).toBe(
      'CannotFollowYourself',
    );
    expect((await app.useCases.followUser({ actor: ann, features: ALL_FEATURES_ON }, 'nobody'))._unsafeUnwrapErr().type).toBe(
      'ProfileNotFound',
    );
    expect((await app.useCases.unfollowUser({ actor: ann, features: ALL_FEATURES_ON }, 'nobody'))._unsafeUnwrapErr().type).toBe(
      'ProfileNotFound',
    );
  });
});
