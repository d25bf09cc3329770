import type { ProfileView } from './profile-view.js';

export type ArticleListItemView = {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly tagList: readonly string[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly favorited: boolean;
  readonly favoritesCount: number;
  readonly author: ProfileView;
};

export type ArticleView = ArticleListItemView & { readonly body: string };

export type ArticlePage = {
  readonly articles: readonly ArticleListItemView[];
  /** Total number of articles matching the filter, not the size of this page. */
  readonly articlesCount: number;
};
