import { Migration } from '@mikro-orm/migrations';

export class Migration20261203054518_article_periods extends Migration {
  override name = 'Migration20261203054518_article_periods';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "article_periods" ("unit" varchar(6) not null, "start" timestamptz(0) not null, "shard" smallint not null, "articles_count" int not null default 0, primary key ("unit", "start", "shard"));`,
    );

    this.addSql(`create index "article_periods_unit_start_index" on "article_periods" ("unit", "start") include ("articles_count");`);
    // Added by hand to the generated migration: the counts of the articles already there, and the
    // triggers that keep them from now on, whichever release writes the articles (8 = ARTICLE_PERIOD_SHARDS).
    this.addSql(
      `insert into "article_periods" ("unit", "start", "shard", "articles_count") select u.unit, date_trunc(u.unit, a."created_at", 'UTC'), a."id" % 8, count(*) from "articles" a, unnest(array['day', 'minute', 'second']) as u(unit) group by 1, 2, 3;`,
    );
    this.addSql(`create function "articles_count_into_periods_fn"() returns trigger language plpgsql as $$
begin
  insert into article_periods (unit, start, shard, articles_count)
  select u.unit, date_trunc(u.unit, n.created_at, 'UTC'), n.id % 8, count(*)
  from inserted n, unnest(array['day', 'minute', 'second']) as u(unit)
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (unit, start, shard) do update set articles_count = article_periods.articles_count + excluded.articles_count;
  return null;
end $$;`);
    this.addSql(
      `create trigger "count_into_periods" after insert on "articles" referencing new table as inserted for each statement execute function "articles_count_into_periods_fn"();`,
    );
    this.addSql(`create function "articles_count_out_of_periods_fn"() returns trigger language plpgsql as $$
begin
  update article_periods p set articles_count = p.articles_count - l.lost
  from (
    select u.unit, date_trunc(u.unit, r.created_at, 'UTC') as start, r.id % 8 as shard, count(*)::int as lost
    from removed r, unnest(array['day', 'minute', 'second']) as u(unit)
    group by 1, 2, 3 order by 1, 2, 3
  ) l
  where p.unit = l.unit and p.start = l.start and p.shard = l.shard;
  return null;
end $$;`);
    this.addSql(
      `create trigger "count_out_of_periods" after delete on "articles" referencing old table as removed for each statement execute function "articles_count_out_of_periods_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "count_into_periods" on "articles";`);
    this.addSql(`drop trigger if exists "count_out_of_periods" on "articles";`);
    this.addSql(`drop function if exists "articles_count_into_periods_fn"();`);
    this.addSql(`drop function if exists "articles_count_out_of_periods_fn"();`);
    this.addSql(`drop table if exists "article_periods" cascade;`);
  }
}
