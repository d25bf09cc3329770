import { defineEntity, p } from '@mikro-orm/core';
import { ArticleRecord } from './article.record.js';
import { tenantColumn, tenantOwned } from './tenant-column.js';
import { UserRecord } from './user.record.js';

export const FavoriteRecord = defineEntity({
  name: 'FavoriteRecord',
  tableName: 'favorites',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    user: () => p.manyToOne(UserRecord).primary().deleteRule('cascade'),
    article: () => p.manyToOne(ArticleRecord).primary().deleteRule('cascade'),
    /** The article's creation time (never changes), so that a user's favorites come newest first from this table's index. */
    articleCreatedAt: p.datetime(3),
  },
  // Each index carries the row's tenant, so that a lookup row-level security adds `tenant_id = …`
  // to stays an index-only scan (migration `tenant_covering_indexes`).
  indexes: [
    {
      // A `favorited=` page walks this index in list order and stops after the page.
      name: 'favorites_user_article_created_at_index',
      expression:
        'create index "favorites_user_article_created_at_index" on "favorites" ("user_id", "article_created_at" desc, "article_id" desc) include ("tenant_id")',
    },
    {
      // Counting an article's favorites starts from the article.
      name: 'favorites_article_index',
      expression: 'create index "favorites_article_index" on "favorites" ("article_id") include ("tenant_id")',
    },
  ],
});
