import { defineEntity, p } from '@mikro-orm/core';
import { tenantColumn, tenantOwned } from './tenant-column.js';

/**
 * How many articles were created in each day, minute and second (UTC). A deep page of the list (offset 500,000)
 * descends these: the day it starts in from the day counts, the minute within that day, the second
 * within that minute; then it skips only within that second. So it steps over at most a second's
 * articles however the articles spread over time: over years, or all bulk-imported in one day
 * (day counts alone then left 500,000 to skip). Each period is split in `SHARDS` rows by article
 * id, so concurrent new articles rarely wait for one another's counter row.
 *
 * Kept exact by statement-level triggers on `articles` (migration `article_periods`), in the same
 * statement as the insert or delete, rather than by the repository's statements as the other
 * counters are: whatever writes articles (a release before this one during a rolling update, a
 * bulk import, set-based SQL, a cascade) the counts follow, and the application's writes carry
 * nothing for them.
 */
export const ArticlePeriodRecord = defineEntity({
  name: 'ArticlePeriodRecord',
  tableName: 'article_periods',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn().primary(),
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
      // table (written as articles came), and fetching them was most of a deep page's cost
      // (docs/benchmarks.md).
      name: 'article_periods_tenant_unit_start_index',
      expression:
        'create index "article_periods_tenant_unit_start_index" on "article_periods" ("tenant_id", "unit", "start") include ("articles_count")',
    },
  ],
});

export type ArticlePeriodRecord = InstanceType<typeof ArticlePeriodRecord.class>;

/** Rows per period: enough that creating articles at once seldom meets on one row, few enough to add up fast. */
export const ARTICLE_PERIOD_SHARDS = 8;

/** The periods an article is counted in, coarsest first: each deep page descends them in this order. */
export const ARTICLE_PERIOD_UNITS = ['day', 'minute', 'second'] as const;
export type ArticlePeriodUnit = (typeof ARTICLE_PERIOD_UNITS)[number];

/*
 * The triggers on `articles` that keep the counts (declared on ArticleRecord; the migration
 * `article_periods` made them). Statement-level, with the statement's rows as a transition table:
 * one grouped write per statement however many articles it inserts or deletes, counter rows taken in
 * one order so that two statements never wait on each other. Function names follow MikroORM's
 * `<table>_<trigger>_fn`.
 */
export const COUNT_INTO_PERIODS = `create function "articles_count_into_periods_fn"() returns trigger language plpgsql as $$
begin
  insert into article_periods (tenant_id, unit, start, shard, articles_count)
  select n.tenant_id, u.unit, date_trunc(u.unit, n.created_at, 'UTC'), n.id % 8, count(*)
  from inserted n, unnest(array['day', 'minute', 'second']) as u(unit)
  group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (tenant_id, unit, start, shard) do update set articles_count = article_periods.articles_count + excluded.articles_count;
  return null;
end $$;
create trigger "count_into_periods" after insert on "articles" referencing new table as inserted for each statement execute function "articles_count_into_periods_fn"();`;

export const COUNT_OUT_OF_PERIODS = `create function "articles_count_out_of_periods_fn"() returns trigger language plpgsql as $$
begin
  update article_periods p set articles_count = p.articles_count - l.lost
  from (
    select r.tenant_id, u.unit, date_trunc(u.unit, r.created_at, 'UTC') as start, r.id % 8 as shard, count(*)::int as lost
    from removed r, unnest(array['day', 'minute', 'second']) as u(unit)
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
  ) l
  where p.tenant_id = l.tenant_id and p.unit = l.unit and p.start = l.start and p.shard = l.shard;
  return null;
end $$;
create trigger "count_out_of_periods" after delete on "articles" referencing old table as removed for each statement execute function "articles_count_out_of_periods_fn"();`;
