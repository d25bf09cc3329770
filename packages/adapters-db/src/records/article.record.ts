import { defineEntity, p } from '@mikro-orm/core';
import { UserRecord } from './user.record.js';

export const ArticleRecord = defineEntity({
  name: 'ArticleRecord',
  tableName: 'articles',
  properties: {
    id: p.integer().primary().autoincrement(),
    slug: p.string().length(255).unique('articles_slug_unique'),
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
  // Every list is "newest first", globally or per author (the feed and the author filter).
  indexes: [
    {
      name: 'articles_created_at_index',
      expression: 'create index "articles_created_at_index" on "articles" ("created_at" desc, "id" desc)',
    },
    {
      name: 'articles_author_created_at_index',
      expression: 'create index "articles_author_created_at_index" on "articles" ("author_id", "created_at" desc, "id" desc)',
    },
  ],
});

export type ArticleRecord = InstanceType<typeof ArticleRecord.class>;
