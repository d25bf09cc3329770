import { defineEntity, p } from '@mikro-orm/core';
import { tenantColumn, tenantOwned } from './tenant-column.js';
import { UserRecord } from './user.record.js';

/**
 * A signed-in session: every token carries its id (`sid`), and authentication checks the row on
 * every request. Ending a session deletes its row; expired rows are swept periodically.
 */
export const SessionRecord = defineEntity({
  name: 'SessionRecord',
  tableName: 'sessions',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn(),
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    // A user's sessions are listed and ended together, by this index; erasing the user erases them.
    user: () => p.manyToOne(UserRecord).deleteRule('cascade').index('sessions_user_index'),
    createdAt: p.datetime(3),
    lastSeenAt: p.datetime(3),
    // The sweep finds expired sessions by this index.
    expiresAt: p.datetime(3).index('sessions_expires_at_index'),
    userAgent: p.string().length(512).nullable(),
    address: p.string().length(64).nullable(),
    // Where the primary's WAL was after the session's last write (only kept with read replicas):
    // the session's reads go to a replica that has replayed this far.
    lastWritePosition: p.string().columnType('pg_lsn').nullable(),
  },
});

export type SessionRecord = InstanceType<typeof SessionRecord.class>;
