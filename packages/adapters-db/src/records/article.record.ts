import { defineEntity, p } from '@mikro-orm/core';
import { COUNT_INTO_PERIODS, COUNT_OUT_OF_PERIODS } from './article-period.record.js';
import { tenantColumn, tenantOwned } from './tenant-column.js';
import { UserRecord } from './user.record.js';

export const ArticleRecord = defineEntity({
  name: 'ArticleRecord',
  tableName: 'articles',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    id: p.integer().primary().autoincrement(),
    slug: p.string().length(255),
    title: p.string().length(255),
    description: p.string().length(1000),
    body: p.text(),
    author: () => p.manyToOne(UserRecord).deleteRule('cascade'),
    /** Copy of the article_tags rows, sorted; article_tags stays the source for filters and counts. */
    tagList: p.array().default([]),
    /** Maintained by the favorite repository together with the favorites rows. */
    favoritesCount: p.integer().default(0),
    createdAt: p.datetime(3),
    updatedAt: p.datetime(3),
  },
  // A slug is unique within its publication; the article is found by both.
  uniques: [{ name: 'articles_tenant_slug_unique', properties: ['tenantId', 'slug'] }],
  // Every list is "newest first", in a publication or per author (the feed and the author filter).
  indexes: [
    {
      name: 'articles_tenant_created_at_index',
      expression: 'create index "articles_tenant_created_at_index" on "articles" ("tenant_id", "created_at" desc, "id" desc)',
    },
    {
      name: 'articles_author_created_at_index',
      expression:
        'create index "articles_author_created_at_index" on "articles" ("author_id", "created_at" desc, "id" desc) include ("tenant_id")',
    },
  ],
  // The day, minute and second counts of deep pages (see article-period.record.ts).
  triggers: [
    { name: 'count_into_periods', timing: 'after', events: ['insert'], forEach: 'statement', expression: COUNT_INTO_PERIODS },
    { name: 'count_out_of_periods', timing: 'after', events: ['delete'], forEach: 'statement', expression: COUNT_OUT_OF_PERIODS },
  ],
});

export type ArticleRecord = InstanceType<typeof ArticleRecord.class>;
