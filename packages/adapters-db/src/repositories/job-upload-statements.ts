import type { JobId, UserId } from '@conduit/domain';
import { sql } from 'kysely';
import { CompiledStatement } from '../kysely/compiled-statement.js';
import { type JobRow, jobColumns } from './job-rows.js';

/** An upload: a `jobs` row with `received` false, invisible until it is queued. */
export const opened = new CompiledStatement<{ type: string; ownerId: UserId; createdAt: string }, { id: string }>((db, slot) =>
  db
    .insertInto('jobs')
    .values({ id: sql`gen_random_uuid()`, type: slot('type'), owner_id: slot('ownerId'), status: 'queued', created_at: slot('createdAt') })
    .returning('id'),
);
/** Takes the key when nobody holds it, or when its holder is older than the window; returns nothing when it is held. */
export const claimed = new CompiledStatement<
  { ownerId: UserId; key: string; id: JobId; fingerprint: string; createdAt: string; since: string },
  { job_id: string }
>((db, slot) =>
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
export const held = new CompiledStatement<{ ownerId: UserId; key: string; since: string }, JobRow & { fingerprint: string }>((db, slot) =>
  db
    .selectFrom('job_idempotency_keys as k')
    .innerJoin('jobs as j', 'j.id', 'k.job_id')
    .select([...jobColumns, 'k.fingerprint'])
    .where('k.owner_id', '=', slot('ownerId'))
    .where('k.key', '=', slot('key'))
    .where('k.created_at', '>=', slot('since'))
    .where('j.received', '=', true),
);
export const queued = new CompiledStatement<{ id: JobId; total: number }, JobRow>((db, slot) =>
  db
    .updateTable('jobs as j')
    .set({ received: true, total: slot('total') })
    .where('j.id', '=', slot('id'))
    .returning(jobColumns),
);
export const uploadOwner = new CompiledStatement<{ id: JobId }, { owner_id: number; created_at: string }>((db, slot) =>
  db.selectFrom('jobs').select(['owner_id', 'created_at']).where('id', '=', slot('id')),
);
export const discarded = new CompiledStatement<{ id: JobId }, unknown>((db, slot) =>
  db.deleteFrom('jobs').where('id', '=', slot('id')).where('received', '=', false),
);
export const abandoned = new CompiledStatement<{ cutoff: string }, { id: string }>((db, slot) =>
  db.deleteFrom('jobs').where('received', '=', false).where('created_at', '<', slot('cutoff')).returning('id'),
);
