import { Migration } from '@mikro-orm/migrations';

export class Migration20261203083047_session_write_positions extends Migration {
  override name = 'Migration20261203083047_session_write_positions';

  override up(): void | Promise<void> {
    this.addSql(`alter table "sessions" add "last_write_position" pg_lsn null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sessions" drop column "last_write_position";`);
  }
}
