import { Migration } from '@mikro-orm/migrations';

export class Migration20261125155744_role_assignment extends Migration {
  override name = 'Migration20261125155744_role_assignment';

  override up(): void | Promise<void> {
    this.addSql(`alter table "users" add "role_assigned_by" varchar(255) null, add "role_assigned_at" timestamptz(3) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "users" drop column "role_assigned_by", drop column "role_assigned_at";`);
  }
}
