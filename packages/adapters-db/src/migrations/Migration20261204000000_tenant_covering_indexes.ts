import { Migration } from '@mikro-orm/migrations';

/**
 * Row-level security adds `tenant_id = conduit_tenant()` to every lookup. Where an index answered a
 * lookup alone (is this article favorited, is this author followed, whose favorites), it now had to
 * read each row from the table for its tenant: measured, a signed-in page and the feed cost
 * PostgreSQL 65-110 % more CPU. These indexes carry `tenant_id` (INCLUDE), so the lookups are
 * index-only scans again. Follows get one beside their primary key, which MikroORM would make
 * plain again (it diffs a primary key's INCLUDE columns away); a user's favorites are found by
 * `favorites_user_article_created_at_index`, which already leads with the user. And the total of
 * a list of all articles (the sum of the tenant's authors' counts) is read from an index keyed by
 * the tenant, instead of every user row filtered by it.
 */
export class Migration20261204000000_tenant_covering_indexes extends Migration {
  override name = 'Migration20261204000000_tenant_covering_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index "favorites_user_article_created_at_index";`);
    this.addSql(
      `create index "favorites_user_article_created_at_index" on "favorites" ("user_id", "article_created_at" desc, "article_id" desc) include ("tenant_id");`,
    );
    this.addSql(`drop index "favorites_article_index";`);
    this.addSql(`create index "favorites_article_index" on "favorites" ("article_id") include ("tenant_id");`);
    this.addSql(`drop index "follows_followee_index";`);
    this.addSql(`create index "follows_followee_index" on "follows" ("followee_id") include ("tenant_id");`);
    this.addSql(`create index "follows_follower_index" on "follows" ("follower_id", "followee_id") include ("tenant_id");`);
    this.addSql(`create index "users_tenant_articles_count_index" on "users" ("tenant_id") include ("articles_count");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "users_tenant_articles_count_index";`);
    this.addSql(`drop index "follows_follower_index";`);
    this.addSql(`drop index "follows_followee_index";`);
    this.addSql(`create index "follows_followee_index" on "follows" ("followee_id");`);
    this.addSql(`drop index "favorites_article_index";`);
    this.addSql(`create index "favorites_article_index" on "favorites" ("article_id");`);
    this.addSql(`drop index "favorites_user_article_created_at_index";`);
    this.addSql(
      `create index "favorites_user_article_created_at_index" on "favorites" ("user_id", "article_created_at" desc, "article_id" desc);`,
    );
  }
}
