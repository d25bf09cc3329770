import { createInMemoryApp, type InMemoryApp } from '@conduit/adapters-memory/testing';
import { LAST_SEEN_RESOLUTION_MS, type SessionId, type UserActor } from '@conduit/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_FEATURES_ON } from '../features.js';

let app: InMemoryApp;
let touches: number;
beforeEach(() => {
  app = createInMemoryApp();
  touches = 0;
  const touch = app.repositories.sessions.touch.bind(app.repositories.sessions);
  app.repositories.sessions.touch = async (id, now) => {
    touches += 1;
    await touch(id, now);
  };
});

const claimsOf = (actor: UserActor) => ({ userId: actor.userId, sessionId: actor.sessionId as SessionId });

describe('resolveActor', () => {
  it('records when a session was last seen at most once a minute, however many requests it makes', async () => {
    const jake = await app.signUp('jake');
    for (let request = 0; request < 100; request++) (await app.useCases.resolveActor(claimsOf(jake)))._unsafeUnwrap();
    expect(touches).toBe(0);
    await app.clock.wait(LAST_SEEN_RESOLUTION_MS);
    for (let request = 0; request < 100; request++) (await app.useCases.resolveActor(claimsOf(jake)))._unsafeUnwrap();
    expect(touches).toBe(1);
    const [session] = (await app.useCases.listSessions({ actor: jake, features: ALL_FEATURES_ON }))._unsafeUnwrap();
    expect(session?.lastSeenAt.getTime()).toBeGreaterThan(session?.createdAt.getTime() ?? Number.POSITIVE_INFINITY);
  });

  it('refuses a session once it has expired, and the sweep then forgets it', async () => {
    const jake = await app.signUp('jake');
    await app.clock.wait(7 * 24 * 3600 * 1000);
    expect((await app.useCases.resolveActor(claimsOf(jake)))._unsafeUnwrapErr().type).toBe('CurrentUserGone');
    expect(await app.useCases.forgetExpiredSessions()).toBe(1);
    expect(app.store.sessions.size).toBe(0);
  });
});

describe('logOut', () => {
  it('ends nothing for an actor outside a session unless told to end every session', async () => {
    const jake = await app.signUp('jake');
    const outside = { actor: { ...jake, sessionId: null }, features: ALL_FEATURES_ON };
    expect((await app.useCases.logOut(outside, { everywhere: false }))._unsafeUnwrap()).toEqual({ ended: 0 });
    expect((await app.useCases.logOut(outside, { everywhere: true }))._unsafeUnwrap()).toEqual({ ended: 1 });
  });
});
