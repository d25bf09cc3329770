import { defineEntity, p } from '@mikro-orm/core';
import { ArticleRecord } from './article.record.js';

export const ArticleTagRecord = defineEntity({
  name: 'ArticleTagRecord',
  tableName: 'article_tags',
  properties: {
    article: () => p.manyToOne(ArticleRecord).primary().deleteRule('cascade'),
    tag: p.string().length(64).primary(),
  },
  // The tag filter and the tag popularity count both start from the tag.
  indexes: [{ name: 'article_tags_tag_index', properties: ['tag', 'article'] }],
});
