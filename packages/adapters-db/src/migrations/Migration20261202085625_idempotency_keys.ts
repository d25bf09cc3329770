import { Migration } from '@mikro-orm/migrations';

export class Migration20261202085625_idempotency_keys extends Migration {
  override name = 'Migration20261202085625_idempotency_keys';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "idempotency_keys" ("scope" varchar(64) not null, "key" varchar(255) not null, "fingerprint" varchar(64) not null, "holder" uuid not null, "created_at" timestamptz(3) not null, "answer_status" smallint null, "answer_headers" jsonb null, "answer_body" text null, primary key ("scope", "key"));`,
    );
    this.addSql(`create index "idempotency_keys_created_at_index" on "idempotency_keys" ("created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "idempotency_keys" cascade;`);
  }
}
