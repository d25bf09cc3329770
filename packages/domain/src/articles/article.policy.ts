import { err, ok, type Result } from 'neverthrow';
import { type Actor, isAdmin, type SystemActor, type UserActor } from '../shared/actor.js';
import { type Authorized, grant } from '../shared/authorized.js';
import type { User } from '../users/user.js';
import type { ArticleDeleteForbidden, ArticleEditForbidden, PublishAsForbidden } from './article.errors.js';
import type { Article } from './article.js';

export const isArticleAuthor = (actor: UserActor, article: Article): boolean => actor.userId === article.authorId;

/** The author, or an admin (moderation). */
export const canEditArticle = (actor: UserActor, article: Article): Result<Authorized<'article:edit'>, ArticleEditForbidden> =>
  isArticleAuthor(actor, article) || isAdmin(actor)
    ? ok(grant('article:edit', article.id))
    : err({ type: 'ArticleEditForbidden', slug: article.slug });

/** The author, or an admin (moderation). */
export const canDeleteArticle = (actor: UserActor, article: Article): Result<Authorized<'article:delete'>, ArticleDeleteForbidden> =>
  isArticleAuthor(actor, article) || isAdmin(actor)
    ? ok(grant('article:delete', article.id))
    : err({ type: 'ArticleDeleteForbidden', slug: article.slug });

/**
 * Who may publish articles under `author`'s name (a bulk import on someone's behalf, moving a blog
 * from another instance): that user, an admin, or an operator at the command line. The proof every
 * new article needs (`newArticle`).
 */
export const canPublishAs = (
  actor: Actor | SystemActor,
  author: Pick<User, 'id' | 'username'>,
): Result<Authorized<'article:publish-as'>, PublishAsForbidden> =>
  actor.kind === 'system' || (actor.kind === 'user' && (actor.userId === author.id || isAdmin(actor)))
    ? ok(grant('article:publish-as', author.id))
    : err({ type: 'PublishAsForbidden', username: author.username });

/** Everyone may publish as themself: the proof for an article the actor writes. */
export const publishAsSelf = (actor: UserActor): Authorized<'article:publish-as'> => grant('article:publish-as', actor.userId);

/**
 * Who may name each item's author in a bulk import (moving a blog between instances): admins and
 * operators. For anyone else an item's author is an error, even their own name: their imports are
 * theirs.
 */
export const canNameItemAuthors = (actor: Actor | SystemActor): boolean =>
  actor.kind === 'system' || (actor.kind === 'user' && isAdmin(actor));
