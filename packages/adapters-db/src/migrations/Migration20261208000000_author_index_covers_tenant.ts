import { Migration } from '@mikro-orm/migrations';

/**
 * The feed reads each followed author's newest articles from `articles_author_created_at_index`,
 * a page's worth per author. With the statements' own tenant predicate (and row-level security's)
 * it had to fetch every one of the author's rows from the table to check its tenant, so PostgreSQL
 * read all of them by bitmap and sorted them: at 2,000 articles, 50 authors followed, 2,000 table
 * pages for a page of 20 (docs/benchmarks.md). Carrying `tenant_id` (INCLUDE) makes it an
 * index-only scan again, stopped after the page, as the covering indexes of
 * Migration20261204000000_tenant_covering_indexes did for favorites and follows.
 */
export class Migration20261208000000_author_index_covers_tenant extends Migration {
  override name = 'Migration20261208000000_author_index_covers_tenant';

  override up(): void | Promise<void> {
    this.addSql(`drop index "articles_author_created_at_index";`);
    this.addSql(
      `create index "articles_author_created_at_index" on "articles" ("author_id", "created_at" desc, "id" desc) include ("tenant_id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "articles_author_created_at_index";`);
    this.addSql(`create index "articles_author_created_at_index" on "articles" ("author_id", "created_at" desc, "id" desc);`);
  }
}
