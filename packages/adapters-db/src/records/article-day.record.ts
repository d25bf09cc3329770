import { defineEntity, p } from '@mikro-orm/core';

/**
 * How many articles were created on each day (UTC), kept exact by the article repository in the
 * same transaction as the articles. A deep page of the list (offset 500,000) adds these up to find
 * the day it starts in, then skips only within that day, instead of stepping over every newer
 * article. Each day is split in `SHARDS` rows by article id, so concurrent new articles rarely
 * wait for one another's counter row.
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

/** Rows per day: enough that creating articles at once seldom meets on one row, few enough to add up fast. */
export const ARTICLE_DAY_SHARDS = 8;
