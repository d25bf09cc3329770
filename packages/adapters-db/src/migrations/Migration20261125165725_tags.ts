import { Migration } from '@mikro-orm/migrations';

export class Migration20261125165725_tags extends Migration {
  override name = 'Migration20261125165725_tags';

  override up(): void | Promise<void> {
    this.addSql(`create table "tags" ("name" varchar(64) not null, "articles_count" int not null default 0, primary key ("name"));`);
    this.addSql(`create index "tags_in_use_index" on "tags" ("articles_count" desc, "name") where "articles_count" > 0;`);
    // Added by hand to the generated migration: the counts of the tags already in use.
    this.addSql(`insert into "tags" ("name", "articles_count") select "tag", count(*) from "article_tags" group by "tag";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "tags" cascade;`);
  }
}
