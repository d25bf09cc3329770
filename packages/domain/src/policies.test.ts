import { describe, expect, it } from 'vitest';
import { canDeleteArticle, canEditArticle } from './articles/article.policy.js';
import { newComment } from './comments/comment.js';
import { canDeleteComment } from './comments/comment.policy.js';
import { anonymous, systemActor, userActor } from './shared/actor.js';
import { articleId, commentId, userId } from './shared/ids.js';
import { aCommentDraft, aNewArticle, anArticleDraft } from './testing/builders.js';
import { canFollow } from './users/follow.policy.js';
import { canAssignRole } from './users/role.policy.js';
import { newUser } from './users/user.js';

const author = userActor(userId(1), 'user');
const stranger = userActor(userId(2), 'user');
const article = {
  ...aNewArticle(anArticleDraft({ title: 'T', description: 'd', body: 'b', tagList: [] }), author.userId, new Date()),
  id: articleId(10),
};
const comment = { ...newComment(aCommentDraft('c'), author.userId, new Date()), articleId: article.id, id: commentId(5) };

describe('policies', () => {
  it('let the author edit and delete their article, and nobody else', () => {
    expect(canEditArticle(author, article)._unsafeUnwrap()).toMatchObject({ action: 'article:edit', subject: article.id });
    expect(canDeleteArticle(author, article)._unsafeUnwrap()).toMatchObject({ action: 'article:delete', subject: article.id });
    expect(canEditArticle(stranger, article)._unsafeUnwrapErr()).toEqual({ type: 'ArticleEditForbidden', slug: 't' });
    expect(canDeleteArticle(stranger, article)._unsafeUnwrapErr().type).toBe('ArticleDeleteForbidden');
  });

  it('let the author delete their comment, and nobody else', () => {
    expect(canDeleteComment(author, comment, article).isOk()).toBe(true);
    expect(canDeleteComment(stranger, comment, article)._unsafeUnwrapErr()).toEqual({ type: 'CommentDeleteForbidden', id: 5 });
  });

  it('refuse following oneself', () => {
    const target = { ...newUser({ username: 'a', email: 'a@a.a', passwordHash: 'h' }), id: author.userId };
    expect(canFollow(author, target)._unsafeUnwrapErr().type).toBe('CannotFollowYourself');
    expect(canFollow(stranger, target).isOk()).toBe(true);
  });
});

describe('policies with roles', () => {
  const admin = userActor(userId(3), 'admin');
  const articleAuthor = userActor(userId(4), 'user');
  const othersArticle = { ...article, authorId: articleAuthor.userId };

  it('let an admin edit and delete any article', () => {
    expect(canEditArticle(admin, article).isOk()).toBe(true);
    expect(canDeleteArticle(admin, article).isOk()).toBe(true);
  });

  it("let a comment be deleted by its author, the article's author or an admin, and nobody else", () => {
    const onOthersArticle = { ...comment, articleId: othersArticle.id };
    expect(canDeleteComment(author, onOthersArticle, othersArticle).isOk()).toBe(true);
    expect(canDeleteComment(articleAuthor, onOthersArticle, othersArticle).isOk()).toBe(true);
    expect(canDeleteComment(admin, onOthersArticle, othersArticle).isOk()).toBe(true);
    expect(canDeleteComment(stranger, onOthersArticle, othersArticle).isErr()).toBe(true);
  });

  it('let only operators assign roles', () => {
    expect(canAssignRole(systemActor('ops'), 'jake')._unsafeUnwrap()).toMatchObject({ action: 'role:assign', subject: 'jake' });
    expect(canAssignRole(admin, 'jake')._unsafeUnwrapErr().type).toBe('RoleChangeForbidden');
    expect(canAssignRole(anonymous, 'jake').isErr()).toBe(true);
  });
});
