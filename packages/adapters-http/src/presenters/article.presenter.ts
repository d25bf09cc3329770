import type { ArticleListItemView, ArticlePage, ArticleView } from '@conduit/app';
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

export const presentArticlePage = (page: ArticlePage): z.infer<typeof MultipleArticlesResponse> => ({
  articles: page.articles.map(presentListItem),
  articlesCount: page.articlesCount,
});
