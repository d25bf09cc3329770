import { defineEntity, p } from '@mikro-orm/core';
import { ArticleRecord } from './article.record.js';
import { tenantColumn, tenantOwned } from './tenant-column.js';
import { UserRecord } from './user.record.js';

export const CommentRecord = defineEntity({
  name: 'CommentRecord',
  tableName: 'comments',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    id: p.integer().primary().autoincrement(),
    body: p.text(),
    article: () => p.manyToOne(ArticleRecord).deleteRule('cascade').index('comments_article_index'),
    author: () => p.manyToOne(UserRecord).deleteRule('cascade'),
    createdAt: p.datetime(3),
    updatedAt: p.datetime(3),
  },
});

export type CommentRecord = InstanceType<typeof CommentRecord.class>;
