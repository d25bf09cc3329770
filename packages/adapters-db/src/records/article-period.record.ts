import { defineEntity, p } from '@mikro-orm/core';

/**
 * How many articles were created in each day, minute and second (UTC), kept exact by the article
 * repository in the same transaction as the articles. A deep page of the list (offset 500,000)
 * descends these: the day it starts in from the day counts, the minute within that day, the second
 * within that minute; then it skips only within that second. So it steps over at most a second's
 * articles however the articles spread over time: over years, or all bulk-imported in one day
 * (day counts alone then left 500,000 to skip). Each period is split in `SHARDS` rows by article
 * id, so concurrent new articles rarely wait for one another's counter row.
 */
export const ArticlePeriodRecord = defineEntity({
  name: 'ArticlePeriodRecord',
  tableName: 'article_periods',
  properties: {
    /** `day`, `minute` or `second`: a unit `date_trunc` takes. */
    unit: p.string().length(6).primary(),
    /** The period's start, truncated in UTC. */
    start: p.datetime().length(0).primary(),
    shard: p.smallint().primary(),
    articlesCount: p.integer().default(0),
  },
  indexes: [
    {
      // A level's counts read from the index alone: the rows of one period are scattered over the
      // table (written as articles came), and fetching them cost 5 ms of the 12 ms a deep page took
      // at 1,000,000 articles a minute apart.
      name: 'article_periods_unit_start_index',
      expression: 'create index "article_periods_unit_start_index" on "article_periods" ("unit", "start") include ("articles_count")',
    },
  ],
});

export type ArticlePeriodRecord = InstanceType<typeof ArticlePeriodRecord.class>;

/** Rows per period: enough that creating articles at once seldom meets on one row, few enough to add up fast. */
export const ARTICLE_PERIOD_SHARDS = 8;

/** The periods an article is counted in, coarsest first: each deep page descends them in this order. */
export const ARTICLE_PERIOD_UNITS = ['day', 'minute', 'second'] as const;
export type ArticlePeriodUnit = (typeof ARTICLE_PERIOD_UNITS)[number];
