import { err, ok, type Result } from 'neverthrow';
import { isAdmin, type UserActor } from '../shared/actor.js';
import { type Authorized, grant } from '../shared/authorized.js';
import type { ArticleDeleteForbidden, ArticleEditForbidden } from './article.errors.js';
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
