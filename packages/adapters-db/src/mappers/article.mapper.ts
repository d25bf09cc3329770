import { type Article, articleId, userId } from '@conduit/domain';
import type { ArticleRecord } from '../records/article.record.js';

export const articleFromRecord = (record: ArticleRecord): Article => ({
  id: articleId(record.id),
  slug: record.slug,
  title: record.title,
  description: record.description,
  body: record.body,
  tagList: [...record.tagList],
  authorId: userId(record.author.id),
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});
