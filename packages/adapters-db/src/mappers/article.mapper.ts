import { type Article, articleId, type NewArticle, userId } from '@conduit/domain';
import type { ArticleRecord } from '../records/article.record.js';

export const articleFromRecord = (record: ArticleRecord, tagList: readonly string[]): Article => ({
  id: articleId(record.id),
  slug: record.slug,
  title: record.title,
  description: record.description,
  body: record.body,
  tagList,
  authorId: userId(record.author.id),
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});

export const articleToRecordData = (article: NewArticle) => ({
  slug: article.slug,
  title: article.title,
  description: article.description,
  body: article.body,
  author: article.authorId,
  createdAt: article.createdAt,
  updatedAt: article.updatedAt,
});
