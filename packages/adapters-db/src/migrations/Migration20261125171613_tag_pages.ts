import { Migration } from '@mikro-orm/migrations';

export class Migration20261125171613_tag_pages extends Migration {
  override name = 'Migration20261125171613_tag_pages';

  override up(): void | Promise<void> {
    this.addSql(`drop index "article_tags_tag_index";`);
    // Edited from the generated `add … not null`: existing rows get their article's time first.
    this.addSql(`alter table "article_tags" add "created_at" timestamptz(3) null;`);
    this.addSql(`update "article_tags" t set "created_at" = a."created_at" from "articles" a where a."id" = t."article_id";`);
    this.addSql(`alter table "article_tags" alter column "created_at" set not null;`);
    this.addSql(`create index "article_tags_tag_created_at_index" on "article_tags" ("tag", "created_at" desc, "article_id" desc);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "article_tags_tag_created_at_index";`);
    this.addSql(`alter table "article_tags" drop column "created_at";`);
    this.addSql(`create index "article_tags_tag_index" on "article_tags" ("tag", "article_id");`);
  }
}
