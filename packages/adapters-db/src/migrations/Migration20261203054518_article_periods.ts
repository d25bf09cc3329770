import { Migration } from '@mikro-orm/migrations';

export class Migration20261203054518_article_periods extends Migration {
  override name = 'Migration20261203054518_article_periods';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "article_periods" ("unit" varchar(6) not null, "start" timestamptz(0) not null, "shard" smallint not null, "articles_count" int not null default 0, primary key ("unit", "start", "shard"));`,
    );

    this.addSql(`create index "article_periods_unit_start_index" on "article_periods" ("unit", "start") include ("articles_count");`);
    // Added by hand to the generated migration: the counts of the articles already there, in every
    // unit (8 = ARTICLE_PERIOD_SHARDS). Instances of the previous release write article_days, which
    // goes: between this migration and their replacement their new articles are refused (a retryable
    // error, never a wrong count).
    this.addSql(
      `insert into "article_periods" ("unit", "start", "shard", "articles_count") select u.unit, date_trunc(u.unit, a."created_at", 'UTC'), a."id" % 8, count(*) from "articles" a, unnest(array['day', 'minute', 'second']) as u(unit) group by 1, 2, 3;`,
    );
    this.addSql(`drop table if exists "article_days" cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `create table "article_days" ("day" date not null, "shard" int2 not null, "articles_count" int4 not null default 0, primary key ("day", "shard"));`,
    );
    this.addSql(
      `insert into "article_days" ("day", "shard", "articles_count") select ("start" at time zone 'UTC')::date, "shard", "articles_count" from "article_periods" where "unit" = 'day';`,
    );

    this.addSql(`drop table if exists "article_periods" cascade;`);
  }
}
