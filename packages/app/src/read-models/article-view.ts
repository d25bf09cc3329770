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
  /** Where the following page starts (this page's last article), or null when no article follows. */
  readonly next: ArticlePosition | null;
};

/** An article as an export writes it: what an import needs to make it again, and its author. */
export type ExportedArticle = Pick<ArticleView, 'title' | 'description' | 'body' | 'tagList' | 'createdAt'> & {
  readonly author: string;
  /** Where the next page starts. */
  readonly cursor: ArticlePosition;
};

/**
 * An article's place in creation order (creation time, then id, unique): a page that starts after
 * it stays right while articles are added or removed anywhere, and costs the same at any depth.
 */
export type ArticlePosition = { readonly createdAt: Date; readonly id: number };

/**
 * A page from the rows read for it: list statements read one row more than `limit`, and that row's
 * presence says whether another page follows, which then starts after the last row shown.
 */
export const pageFromRows = <R>(rows: readonly R[], limit: number, positionOf: (row: R) => ArticlePosition) => {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { shown, next: rows.length > shown.length && last !== undefined ? positionOf(last) : null };
};
