import { Migration } from '@mikro-orm/migrations';

export class Migration20261125181850_article_days extends Migration {
  override name = 'Migration20261125181850_article_days';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "article_days" ("day" date not null, "shard" smallint not null, "articles_count" int not null default 0, primary key ("day", "shard"));`,
    );
    // Added by hand to the generated migration: the counts of the articles already there (8 = ARTICLE_DAY_SHARDS).
    this.addSql(
      `insert into "article_days" ("day", "shard", "articles_count") select ("created_at" at time zone 'UTC')::date, "id" % 8, count(*) from "articles" group by 1, 2;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "article_days" cascade;`);
  }
}
