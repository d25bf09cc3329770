import type { JobId, UserId } from '@conduit/domain';
import { sql } from 'kysely';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { jobColumns } from './job-columns.js';

/** An upload: a `jobs` row with `received` false, invisible until it is queued. */
export const opened = new CompiledStatement((db, slot: SlotOf<{ type: string; ownerId: UserId; createdAt: string }>) =>
  db
    .insertInto('jobs')
    .values({ id: sql`gen_random_uuid()`, type: slot('type'), owner_id: slot('ownerId'), status: 'queued', created_at: slot('createdAt') })
    .returning('id'),
);
/** Takes the key when nobody holds it, or when its holder is older than the window; returns nothing when it is held. */
export const claimed = new CompiledStatement(
  (db, slot: SlotOf<{ ownerId: UserId; key: string; id: JobId; fingerprint: string; createdAt: string; since: string }>) =>
    db
      .insertInto('job_idempotency_keys')
      .values({
        owner_id: slot('ownerId'),
        key: slot('key'),
        job_id: slot('id'),
        fingerprint: slot('fingerprint'),
        created_at: slot('createdAt'),
      })
      .onConflict((conflict) =>
        conflict
          .columns(['owner_id', 'key'])
          .doUpdateSet({ job_id: slot('id'), fingerprint: slot('fingerprint'), created_at: slot('createdAt') })
          .where('job_idempotency_keys.created_at', '<', slot('since')),
      )
      .returning('job_id'),
);
export const held = new CompiledStatement((db, slot: SlotOf<{ ownerId: UserId; key: string; since: string }>) =>
  db
    .selectFrom('job_idempotency_keys as k')
    .innerJoin('jobs as j', 'j.id', 'k.job_id')
    .select([...jobColumns, 'k.fingerprint'])
    .where('k.owner_id', '=', slot('ownerId'))
    .where('k.key', '=', slot('key'))
    .where('k.created_at', '>=', slot('since'))
    .where('j.received', '=', true),
);
export const queued = new CompiledStatement((db, slot: SlotOf<{ id: JobId; total: number }>) =>
  db
    .updateTable('jobs as j')
    .set({ received: true, total: slot('total') })
    .where('j.id', '=', slot('id'))
    .returning(jobColumns),
);
export const uploadOwner = new CompiledStatement((db, slot: SlotOf<{ id: JobId }>) =>
  db.selectFrom('jobs').select(['owner_id', 'created_at']).where('id', '=', slot('id')),
);
export const discarded = new CompiledStatement((db, slot: SlotOf<{ id: JobId }>) =>
  db.deleteFrom('jobs').where('id', '=', slot('id')).where('received', '=', false),
);
export const abandoned = new CompiledStatement((db, slot: SlotOf<{ cutoff: string }>) =>
  db.deleteFrom('jobs').where('received', '=', false).where('created_at', '<', slot('cutoff')).returning('id'),
);
