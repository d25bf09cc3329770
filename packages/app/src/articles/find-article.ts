import type { Article, ArticleNotFound, ArticleRepository } from '@conduit/domain';
import { err, ok, type Result } from 'neverthrow';

export const findArticle = async (
  articles: ArticleRepository,
  slug: string,
): Promise<Result<Article, ArticleNotFound>> => {
  const article = await articles.findBySlug(slug);
  return article === null ? err({ type: 'ArticleNotFound', slug }) : ok(article);
};

/** As findArticle, inside a unit of work that changes the article or adds to it (see the port). */
export const findArticleForChange = async (
  articles: ArticleRepository,
  slug: string,
): Promise<Result<Article, ArticleNotFound>> => {
  const article = await articles.findBySlugForChange(slug);
  return article === null ? err({ type: 'ArticleNotFound', slug }) : ok(article);
};
