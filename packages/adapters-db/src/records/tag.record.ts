import { defineEntity, p } from '@mikro-orm/core';
import { tenantColumn, tenantOwned } from './tenant-column.js';

/**
 * Every tag with the number of articles that carry it, kept exact by the article repository in
 * the same transaction as the article_tags rows: the tag list and a tag filter's total read one
 * row per tag instead of counting every tag link.
 */
export const TagRecord = defineEntity({
  name: 'TagRecord',
  tableName: 'tags',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn().primary(),
    name: p.string().length(64).primary(),
    articlesCount: p.integer().default(0),
  },
  // GET /tags walks this index in order (most used first), reading no table row.
  indexes: [
    {
      name: 'tags_tenant_in_use_index',
      expression:
        'create index "tags_tenant_in_use_index" on "tags" ("tenant_id", "articles_count" desc, "name") where "articles_count" > 0',
    },
  ],
});

export type TagRecord = InstanceType<typeof TagRecord.class>;
