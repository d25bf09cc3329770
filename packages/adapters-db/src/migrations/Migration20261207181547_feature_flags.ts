import { Migration } from '@mikro-orm/migrations';

/** Flags per publication (feature_flags) and the record of their changes, both tenant-owned. */
export class Migration20261207181547_feature_flags extends Migration {
  override name = 'Migration20261207181547_feature_flags';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "feature_flag_changes" ("id" bigserial primary key, "tenant_id" int not null default conduit_tenant(), "flag" varchar(32) not null, "article" varchar(255) not null default '', "state" varchar(8) null, "percent" smallint null, "changed_by" varchar(255) not null, "changed_at" timestamptz(3) not null, "reason" text null);`,
    );
    this.addSql(`create index "feature_flag_changes_tenant_index" on "feature_flag_changes" ("tenant_id");`);

    this.addSql(
      `create table "feature_flags" ("tenant_id" int not null default conduit_tenant(), "flag" varchar(32) not null, "article" varchar(255) not null default '', "state" varchar(8) not null, "percent" smallint null, "changed_by" varchar(255) not null, "changed_at" timestamptz(3) not null, "reason" text null, primary key ("tenant_id", "flag", "article"));`,
    );

    this.addSql(`alter table "feature_flag_changes" enable row level security;`);
    this.addSql(`alter table "feature_flag_changes" force row level security;`);
    this.addSql(
      `create policy "tenant_isolation" on "feature_flag_changes" using (tenant_id = conduit_tenant()) with check (tenant_id = conduit_tenant());`,
    );

    this.addSql(`alter table "feature_flags" enable row level security;`);
    this.addSql(`alter table "feature_flags" force row level security;`);
    this.addSql(
      `create policy "tenant_isolation" on "feature_flags" using (tenant_id = conduit_tenant()) with check (tenant_id = conduit_tenant());`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "feature_flag_changes" cascade;`);
    this.addSql(`drop table if exists "feature_flags" cascade;`);
  }
}
