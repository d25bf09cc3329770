import { Migration } from '@mikro-orm/migrations';

export class Migration20261125173204_favorite_pages extends Migration {
  override name = 'Migration20261125173204_favorite_pages';

  override up(): void | Promise<void> {
    // Edited from the generated `add … not null`: existing rows get their article's time first.
    this.addSql(`alter table "favorites" add "article_created_at" timestamptz(3) null;`);
    this.addSql(`update "favorites" f set "article_created_at" = a."created_at" from "articles" a where a."id" = f."article_id";`);
    this.addSql(`alter table "favorites" alter column "article_created_at" set not null;`);
    this.addSql(
      `create index "favorites_user_article_created_at_index" on "favorites" ("user_id", "article_created_at" desc, "article_id" desc);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "favorites_user_article_created_at_index";`);
    this.addSql(`alter table "favorites" drop column "article_created_at";`);
  }
}
