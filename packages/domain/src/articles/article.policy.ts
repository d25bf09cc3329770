import { err, ok, type Result } from 'neverthrow';
import type { UserActor } from '../shared/actor.js';
import type { ArticleDeleteForbidden, ArticleEditForbidden } from './article.errors.js';
import type { Article } from './article.js';

const isAuthor = (actor: UserActor, article: Article): boolean => actor.userId === article.authorId;

export const canEditArticle = (actor: UserActor, article: Article): Result<void, ArticleEditForbidden> =>
  isAuthor(actor, article) ? ok(undefined) : err({ type: 'ArticleEditForbidden', slug: article.slug });

export const canDeleteArticle = (
  actor: UserActor,
  article: Article,
): Result<void, ArticleDeleteForbidden> =>
  isAuthor(actor, article) ? ok(undefined) : err({ type: 'ArticleDeleteForbidden', slug: article.slug });
