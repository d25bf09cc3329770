import { Migration } from '@mikro-orm/migrations';

export class Migration20261202185727_sessions_and_locks extends Migration {
  override name = 'Migration20261202185727_sessions_and_locks';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "sessions" ("id" uuid not null default gen_random_uuid(), "user_id" int not null, "created_at" timestamptz(3) not null, "last_seen_at" timestamptz(3) not null, "expires_at" timestamptz(3) not null, "user_agent" varchar(512) null, "address" varchar(64) null, primary key ("id"));`,
    );
    this.addSql(`create index "sessions_user_index" on "sessions" ("user_id");`);
    this.addSql(`create index "sessions_expires_at_index" on "sessions" ("expires_at");`);

    this.addSql(
      `alter table "users" add "locked_by" varchar(255) null, add "locked_at" timestamptz(3) null, add "locked_reason" varchar(500) null;`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`alter table "users" drop column "locked_by", drop column "locked_at", drop column "locked_reason";`);
  }
}
