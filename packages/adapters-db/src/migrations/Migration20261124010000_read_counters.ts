import { Migration } from '@mikro-orm/migrations';

/**
 * Columns the read path would otherwise compute per row on every request: favorites and tags per
 * article, articles per author (the feed's total). Kept exact by the repositories, in the same
 * transaction as the rows they summarize; backfilled here from those rows.
 */
export class Migration20261124010000_read_counters extends Migration {
  override name = 'Migration20261124010000_read_counters';

  override up(): void {
    this.addSql(`alter table "users" add column "articles_count" int not null default 0;`);
    this.addSql(
      `alter table "articles" add column "favorites_count" int not null default 0, add column "tag_list" text[] not null default '{}';`,
    );
    this.addSql(
      `update "articles" a set "favorites_count" = (select count(*) from "favorites" f where f."article_id" = a."id"), "tag_list" = array(select t."tag" from "article_tags" t where t."article_id" = a."id" order by t."tag");`,
    );
    this.addSql(`update "users" u set "articles_count" = (select count(*) from "articles" a where a."author_id" = u."id");`);
  }
}
