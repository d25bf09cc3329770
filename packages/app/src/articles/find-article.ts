import type { Article, ArticleNotFound, ArticleRepository } from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';

const found = (article: Article | null, slug: string): Result<Article, ArticleNotFound> =>
  article === null ? err({ type: 'ArticleNotFound', slug }) : ok(article);

export const findArticle = async (articles: ArticleRepository, slug: string): Promise<Result<Article, ArticleNotFound>> =>
  found(await articles.findBySlug(slug), slug);

/** As findArticle, inside a unit of work that changes the article or adds to it (see the port). */
export const findArticleForChange = async (articles: ArticleRepository, slug: string): Promise<Result<Article, ArticleNotFound>> =>
  found(await articles.findBySlugForChange(slug), slug);
