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

/** An article as an export writes it: what an import needs to make it again, and its author. */
export type ExportedArticle = Pick<ArticleView, 'title' | 'description' | 'body' | 'tagList' | 'createdAt'> & {
  readonly author: string;
  /** Where the next page starts. */
  readonly cursor: ExportCursor;
};

/** A position in creation order (creation time, then id): pages stay right while articles are added. */
export type ExportCursor = { readonly createdAt: Date; readonly id: number };
