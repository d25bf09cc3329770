import { sql } from 'kysely';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';

/**
 * After a commit, the primary's position on the sessions the request ran in: their next reads go to
 * a replica only once it has replayed that far. Read after the commit, the position is at or past it.
 */
export const recordWritePositions = new CompiledStatement((db, slot: SlotOf<{ sessionIds: string[] }>) =>
  db
    .updateTable('sessions')
    .set((eb) => ({ last_write_position: eb.fn<string>('pg_current_wal_lsn') }))
    .where('id', '=', sql<string>`any(${slot('sessionIds')}::uuid[])`),
);
