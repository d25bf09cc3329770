import { Migration } from '@mikro-orm/migrations';

/**
 * `article_days` was retired a release ago (article_periods replaced it; no instance of that release
 * reads or writes it). Down recreates it empty: its counts are not restored.
 */
export class Migration20261203085326_drop_article_days extends Migration {
  override name = 'Migration20261203085326_drop_article_days';

  override up(): void | Promise<void> {
    this.addSql(`drop table if exists "article_days" cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `create table "article_days" ("day" date not null, "shard" int2 not null, "articles_count" int4 not null default 0, primary key ("day", "shard"));`,
    );
  }
}
