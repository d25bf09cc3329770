import { createInMemoryApp, type InMemoryApp } from '@conduit/adapters-memory/testing';
import { anonymous, systemActor, userActor } from '@conduit/domain';
import { aCommentDraft, anArticleDraft, articleChanges } from '@conduit/domain/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_FEATURES_ON } from '../features.js';

let app: InMemoryApp;
beforeEach(() => {
  app = createInMemoryApp();
});

const draft = anArticleDraft({ title: 'Post', description: 'd', body: 'b', tagList: [] });

describe('setUserRole', () => {
  it('lets an operator promote and demote, idempotently', async () => {
    const jake = await app.signUp('jake');
    const operator = { actor: systemActor('ops@example.com') };
    expect((await app.useCases.setUserRole(operator, { username: 'jake', role: 'admin' }))._unsafeUnwrap()).toEqual({
      username: 'jake',
      role: 'admin',
      assignedBy: 'ops@example.com',
      assignedAt: expect.any(Date),
    });
    expect((await app.repositories.users.findByUsername('jake'))?.roleAssignment).toEqual({ by: 'ops@example.com', at: expect.any(Date) });
    expect((await app.useCases.setUserRole(operator, { username: 'jake', role: 'admin' })).isOk()).toBe(true);
    const claims = { userId: jake.userId, sessionId: jake.sessionId! };
    expect((await app.useCases.resolveActor(claims))._unsafeUnwrap().actor.role).toBe('admin');
    (await app.useCases.setUserRole(operator, { username: 'jake', role: 'user' }))._unsafeUnwrap();
    expect((await app.useCases.resolveActor(claims))._unsafeUnwrap().actor.role).toBe('user');
    expect((await app.useCases.setUserRole(operator, { username: 'nobody', role: 'admin' }))._unsafeUnwrapErr().type).toBe(
      'ProfileNotFound',
    );
  });

  it('is forbidden to users, even admins, and to anonymous callers', async () => {
    const jake = await app.signUp('jake');
    const admin = userActor(jake.userId, 'admin');
    for (const actor of [jake, admin, anonymous]) {
      expect((await app.useCases.setUserRole({ actor }, { username: 'jake', role: 'admin' }))._unsafeUnwrapErr().type).toBe(
        'RoleChangeForbidden',
      );
    }
  });
});

describe('moderation by admins', () => {
  it('an admin may edit and delete any article and delete any comment', async () => {
    const jake = await app.signUp('jake');
    const ann = await app.signUp('ann');
    const moderator = userActor((await app.signUp('mod')).userId, 'admin');
    const { slug } = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    const comment = (await app.useCases.addComment({ actor: ann, features: ALL_FEATURES_ON }, slug, aCommentDraft('spam')))._unsafeUnwrap();
    expect(
      (
        await app.useCases.updateArticle({ actor: moderator, features: ALL_FEATURES_ON }, slug, articleChanges({ body: 'moderated' }))
      )._unsafeUnwrap().body,
    ).toBe('moderated');
    expect((await app.useCases.deleteComment({ actor: moderator, features: ALL_FEATURES_ON }, slug, comment.id)).isOk()).toBe(true);
    expect((await app.useCases.deleteArticle({ actor: moderator, features: ALL_FEATURES_ON }, slug)).isOk()).toBe(true);
  });

  it("the article's author may delete comments on it; other users may not", async () => {
    const jake = await app.signUp('jake');
    const ann = await app.signUp('ann');
    const bob = await app.signUp('bob');
    const { slug } = (await app.useCases.createArticle({ actor: jake, features: ALL_FEATURES_ON }, draft))._unsafeUnwrap();
    const first = (await app.useCases.addComment({ actor: ann, features: ALL_FEATURES_ON }, slug, aCommentDraft('one')))._unsafeUnwrap();
    expect((await app.useCases.deleteComment({ actor: bob, features: ALL_FEATURES_ON }, slug, first.id))._unsafeUnwrapErr().type).toBe(
      'CommentDeleteForbidden',
    );
    expect((await app.useCases.deleteComment({ actor: jake, features: ALL_FEATURES_ON }, slug, first.id)).isOk()).toBe(true);
  });
});
