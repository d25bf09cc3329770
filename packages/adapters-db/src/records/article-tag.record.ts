import { defineEntity, p } from '@mikro-orm/core';
import { ArticleRecord } from './article.record.js';
import { tenantColumn, tenantOwned } from './tenant-column.js';

export const ArticleTagRecord = defineEntity({
  name: 'ArticleTagRecord',
  tableName: 'article_tags',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    article: () => p.manyToOne(ArticleRecord).primary().deleteRule('cascade'),
    tag: p.string().length(64).primary(),
    /** The article's creation time (never changes), so that a tag's articles come newest first from this table's index. */
    createdAt: p.datetime(3),
  },
  // A tag's page walks this index in list order and stops after the page: no other tagged article is read.
  indexes: [
    {
      name: 'article_tags_tenant_tag_created_at_index',
      expression:
        'create index "article_tags_tenant_tag_created_at_index" on "article_tags" ("tenant_id", "tag", "created_at" desc, "article_id" desc)',
    },
  ],
});
