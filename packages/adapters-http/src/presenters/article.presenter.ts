import type { ArticleListItemView, ArticlePage, ArticlePosition, ArticleView } from '@conduit/app';
import type { z } from '@hono/zod-openapi';
import type { ArticleListItem, MultipleArticlesResponse, SingleArticleResponse } from '../schemas/article.schemas.js';
import { presentProfile } from './profile.presenter.js';

const presentListItem = (view: ArticleListItemView): z.infer<typeof ArticleListItem> => ({
  slug: view.slug,
  title: view.title,
  description: view.description,
  tagList: [...view.tagList],
  createdAt: view.createdAt.toISOString(),
  updatedAt: view.updatedAt.toISOString(),
  favorited: view.favorited,
  favoritesCount: view.favoritesCount,
  author: presentProfile(view.author),
});

export const presentSingleArticle = (view: ArticleView): z.infer<typeof SingleArticleResponse> => ({
  article: { ...presentListItem(view), body: view.body },
});

/** A page, its `next` given by the transport (a URL over HTTP, a cursor for a tool call). */
export const presentArticlePage =
  (next: (position: ArticlePosition) => string) =>
  (page: ArticlePage): z.infer<typeof MultipleArticlesResponse> => ({
    articles: page.articles.map(presentListItem),
    articlesCount: page.articlesCount,
    next: page.next === null ? null : next(page.next),
  });
