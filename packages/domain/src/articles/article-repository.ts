import type { ResultAsync } from 'neverthrow';
import type { Authorized } from '../shared/authorized.js';
import type { ArticleId } from '../shared/ids.js';
import type { SlugTaken } from './article.errors.js';
import type { Article, NewArticle } from './article.js';

export interface ArticleRepository {
  /** Returns null when no article has this slug. */
  findBySlug(slug: string): Promise<Article | null>;
  /**
   * Inside a unit of work, before changing the article or what hangs on it (favorites, comments):
   * the article, held until the work ends. A concurrent delete has then either happened (null) or
   * waits for this work, so no write lands on an article that is gone.
   */
  findBySlugForChange(slug: string): Promise<Article | null>;
  /**
   * Stores a new article with its tags under its slug or, when that is taken and a fallback is
   * given, under the fallback: the write decides, so a taken title costs no second write.
   * SlugTaken when the slug it chose was taken first by a concurrent writer.
   */
  add(article: NewArticle, fallbackSlug?: string): ResultAsync<Article, SlugTaken>;
  /**
   * Stores many new articles at once, in order (a bulk import's batch); those whose slug is taken
   * (by a stored article or an earlier one of the batch) are not stored and come back as `taken`.
   */
  addMany(articles: readonly NewArticle[]): Promise<{ stored: Article[]; taken: NewArticle[] }>;
  /** Saves every field (tags replaced as a whole); needs the edit policy's proof; SlugTaken as for `add`. */
  update(article: Article, allowed: Authorized<'article:edit'>): ResultAsync<Article, SlugTaken>;
  /** Removes the article with its tags, favorites and comments; needs the delete policy's proof. */
  remove(id: ArticleId, allowed: Authorized<'article:delete'>): Promise<void>;
}
