import { Migration } from '@mikro-orm/migrations';

export class Migration20261125203834_jobs extends Migration {
  override name = 'Migration20261125203834_jobs';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "jobs" ("id" uuid not null, "type" varchar(32) not null, "owner_id" int not null, "status" varchar(16) not null, "received" boolean not null default false, "total" int not null default 0, "processed" int not null default 0, "succeeded" int not null default 0, "failed" int not null default 0, "errors" jsonb not null default '[]', "cancel_requested" boolean not null default false, "created_at" timestamptz(3) not null, "started_at" timestamptz(3) null, "finished_at" timestamptz(3) null, primary key ("id"));`,
    );
    this.addSql(`create index "jobs_owner_created_at_index" on "jobs" ("owner_id", "created_at" desc, "id" desc);`);

    this.addSql(
      `create table "job_items" ("job_id" uuid not null, "first_item" int not null, "item_count" int not null, "body" text not null, primary key ("job_id", "first_item"));`,
    );

    this.addSql(
      `create table "job_idempotency_keys" ("owner_id" int not null, "key" varchar(255) not null, "job_id" uuid not null, "fingerprint" varchar(64) not null, "created_at" timestamptz(3) not null, primary key ("owner_id", "key"));`,
    );
    this.addSql(`create index "job_idempotency_keys_job_index" on "job_idempotency_keys" ("job_id");`);

    this.addSql(
      `alter table "jobs" add constraint "jobs_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on delete cascade;`,
    );

    // Blocks are written once and read once, soon after: compressing them would cost the upload
    // CPU for space held only until the job ends.
    this.addSql(`alter table "job_items" alter column "body" set storage external;`);
    this.addSql(
      `alter table "job_items" add constraint "job_items_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "job_idempotency_keys" add constraint "job_idempotency_keys_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "job_idempotency_keys" add constraint "job_idempotency_keys_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "job_items" drop constraint "job_items_job_id_foreign";`);
    this.addSql(`alter table "job_idempotency_keys" drop constraint "job_idempotency_keys_job_id_foreign";`);

    this.addSql(`drop table if exists "jobs" cascade;`);
    this.addSql(`drop table if exists "job_items" cascade;`);
    this.addSql(`drop table if exists "job_idempotency_keys" cascade;`);
  }
}
