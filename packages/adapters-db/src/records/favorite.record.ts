import { defineEntity, p } from '@mikro-orm/core';
import { ArticleRecord } from './article.record.js';
import { UserRecord } from './user.record.js';

export const FavoriteRecord = defineEntity({
  name: 'FavoriteRecord',
  tableName: 'favorites',
  properties: {
    user: () => p.manyToOne(UserRecord).primary().deleteRule('cascade'),
    // Counting an article's favorites starts from the article.
    article: () => p.manyToOne(ArticleRecord).primary().deleteRule('cascade').index('favorites_article_index'),
  },
});
