import { defineEntity, p } from '@mikro-orm/core';
import { ArticleRecord } from './article.record.js';

export const ArticleTagRecord = defineEntity({
  name: 'ArticleTagRecord',
  tableName: 'article_tags',
  properties: {
    article: () => p.manyToOne(ArticleRecord).primary().deleteRule('cascade'),
    tag: p.string().length(64).primary(),
    /** The article's creation time (never changes), so that a tag's articles come newest first from this table's index. */
    createdAt: p.datetime(3),
  },
  // A tag's page walks this index in list order and stops after the page: no other tagged article is read.
  indexes: [
    {
      name: 'article_tags_tag_created_at_index',
      expression: 'create index "article_tags_tag_created_at_index" on "article_tags" ("tag", "created_at" desc, "article_id" desc)',
    },
  ],
});
