import { Migration } from '@mikro-orm/migrations';

export class Migration20261202193647_job_results extends Migration {
  override name = 'Migration20261202193647_job_results';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "job_results" ("job_id" uuid not null, "document" text not null, "expires_at" timestamptz(3) not null, primary key ("job_id"));`,
    );
    this.addSql(`create index "job_results_expires_at_index" on "job_results" ("expires_at");`);

    this.addSql(
      `alter table "job_results" add constraint "job_results_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "job_results" cascade;`);
  }
}
