import { defineEntity, p } from '@mikro-orm/core';

/**
 * Retired: how many articles were created on each day (UTC), as the previous release counted them
 * for its deep pages (now `article_periods`). The table stays for one release, so that instances of
 * the previous release, which write it, keep working through a rolling update; nothing here reads
 * or writes it. The next migration drops it.
 */
export const ArticleDayRecord = defineEntity({
  name: 'ArticleDayRecord',
  tableName: 'article_days',
  properties: {
    day: p.string().columnType('date').primary(),
    shard: p.smallint().primary(),
    articlesCount: p.integer().default(0),
  },
});

export type ArticleDayRecord = InstanceType<typeof ArticleDayRecord.class>;
