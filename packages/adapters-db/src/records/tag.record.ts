import { defineEntity, p } from '@mikro-orm/core';

/**
 * Every tag with the number of articles that carry it, kept exact by the article repository in
 * the same transaction as the article_tags rows: the tag list and a tag filter's total read one
 * row per tag instead of counting every tag link.
 */
export const TagRecord = defineEntity({
  name: 'TagRecord',
  tableName: 'tags',
  properties: {
    name: p.string().length(64).primary(),
    articlesCount: p.integer().default(0),
  },
  // GET /tags walks this index in order (most used first), reading no table row.
  indexes: [
    {
      name: 'tags_in_use_index',
      expression: 'create index "tags_in_use_index" on "tags" ("articles_count" desc, "name") where "articles_count" > 0',
    },
  ],
});

export type TagRecord = InstanceType<typeof TagRecord.class>;
