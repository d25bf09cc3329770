import { createInMemoryApp, type InMemoryApp } from '@conduit/adapters-memory/testing';
import { anonymous, commentId } from '@conduit/domain';
import { aCommentDraft, anArticleDraft } from '@conduit/domain/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_FEATURES_ON } from '../features.js';

let app: InMemoryApp;
let slug: string;
beforeEach(async () => {
  app = createInMemoryApp();
  const jake = await app.signUp('jake');
  slug = (
    await app.useCases.createArticle(
      { actor: jake, features: ALL_FEATURES_ON },
      anArticleDraft({ title: 'T', description: 'd', body: 'b', tagList: [] }),
    )
  )._unsafeUnwrap().slug;
});

describe('comments', () => {
  it('are added and listed with their author as the viewer sees them', async () => {
    const ann = await app.signUp('ann');
    const comment = (
      await app.useCases.addComment({ actor: ann, features: ALL_FEATURES_ON }, slug, aCommentDraft('Thank you!'))
    )._unsafeUnwrap();
    expect(comment).toMatchObject({ body: 'Thank you!', author: { username: 'ann', following: false } });
    const listed = (await app.useCases.listComments({ actor: anonymous, features: ALL_FEATURES_ON }, slug))._unsafeUnwrap();
    expect(listed).toEqual([comment]);
  });

  it('404 on an unknown article', async () => {
    const ann = await app.signUp('ann');
    expect(
      (await app.useCases.addComment({ actor: ann, features: ALL_FEATURES_ON }, 'missing', aCommentDraft('x')))._unsafeUnwrapErr().type,
    ).toBe('ArticleNotFound');
    expect((await app.useCases.listComments({ actor: anonymous, features: ALL_FEATURES_ON }, 'missing'))._unsafeUnwrapErr().type).toBe(
      'ArticleNotFound',
    );
  });

  it('are deleted by their author only', async () => {
    const ann = await app.signUp('ann');
    const bob = await app.signUp('bob');
    const comment = (await app.useCases.addComment({ actor: ann, features: ALL_FEATURES_ON }, slug, aCommentDraft('mine')))._unsafeUnwrap();
    expect((await app.useCases.deleteComment({ actor: bob, features: ALL_FEATURES_ON }, slug, comment.id))._unsafeUnwrapErr().type).toBe(
      'CommentDeleteForbidden',
    );
    expect((await app.useCases.deleteComment({ actor: ann, features: ALL_FEATURES_ON }, slug, comment.id)).isOk()).toBe(true);
    expect((await app.useCases.deleteComment({ actor: ann, features: ALL_FEATURES_ON }, slug, comment.id))._unsafeUnwrapErr().type).toBe(
      'CommentNotFound',
    );
    expect(
      (await app.useCases.deleteComment({ actor: ann, features: ALL_FEATURES_ON }, slug, commentId(12345)))._unsafeUnwrapErr().type,
    ).toBe('CommentNotFound');
  });
});
