import { err, ok, type Result } from 'neverthrow';
import { isAdmin, type UserActor } from '../shared/actor.js';
import type { ArticleDeleteForbidden, ArticleEditForbidden } from './article.errors.js';
import type { Article } from './article.js';

export const isArticleAuthor = (actor: UserActor, article: Article): boolean => actor.userId === article.authorId;

/** The author, or an admin (moderation). */
export const canEditArticle = (actor: UserActor, article: Article): Result<void, ArticleEditForbidden> =>
  isArticleAuthor(actor, article) || isAdmin(actor)
    ? ok(undefined)
    : err({ type: 'ArticleEditForbidden', slug: article.slug });

/** The author, or an admin (moderation). */
export const canDeleteArticle = (actor: UserActor, article: Article): Result<void, ArticleDeleteForbidden> =>
  isArticleAuthor(actor, article) || isAdmin(actor)
    ? ok(undefined)
    : err({ type: 'ArticleDeleteForbidden', slug: article.slug });
