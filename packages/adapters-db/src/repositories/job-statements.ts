import type { JobId, JobStatus, UserId } from '@conduit/domain';
import { sql } from 'kysely';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import type { ItemErrorsColumn } from '../records/job.record.js';
import { selectJobs } from './job-columns.js';

export const one = new CompiledStatement((db, slot: SlotOf<{ id: JobId }>) =>
  selectJobs(db).where('j.id', '=', slot('id')).where('j.received', '=', true),
);
export const jobPage = new CompiledStatement((db, slot: SlotOf<{ ownerId: UserId | null; limit: number; offset: number }>) =>
  selectJobs(db)
    .where('j.received', '=', true)
    .where((eb) => eb.or([eb(sql`${slot('ownerId')}::int`, 'is', null), eb('j.owner_id', '=', slot('ownerId'))]))
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id', 'desc')
    .limit(slot('limit'))
    .offset(slot('offset')),
);
export const counted = new CompiledStatement((db, slot: SlotOf<{ ownerId: UserId | null }>) =>
  db
    .selectFrom('jobs as j')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('j.received', '=', true)
    .where((eb) => eb.or([eb(sql`${slot('ownerId')}::int`, 'is', null), eb('j.owner_id', '=', slot('ownerId'))])),
);
export const saved = new CompiledStatement(
  (
    db,
    slot: SlotOf<{
      id: JobId;
      fromStatus: JobStatus;
      fromProcessed: number;
      fromCancelRequested: boolean;
      status: JobStatus;
      processed: number;
      succeeded: number;
      failed: number;
      errors: string | null;
      cancelRequested: boolean;
      startedAt: string | null;
      finishedAt: string | null;
    }>,
  ) =>
    db
      .updateTable('jobs as j')
      .set({
        status: slot('status'),
        processed: slot('processed'),
        succeeded: slot('succeeded'),
        failed: slot('failed'),
        errors: sql<ItemErrorsColumn>`coalesce(${slot('errors')}::jsonb, j.errors)`,
        cancel_requested: slot('cancelRequested'),
        started_at: slot('startedAt'),
        finished_at: slot('finishedAt'),
      })
      .where('j.id', '=', slot('id'))
      .where('j.received', '=', true)
      .where('j.status', '=', slot('fromStatus'))
      .where('j.processed', '=', slot('fromProcessed'))
      .where('j.cancel_requested', '=', slot('fromCancelRequested'))
      .returning('j.id'),
);
export const dropItems = new CompiledStatement((db, slot: SlotOf<{ id: JobId }>) =>
  db.deleteFrom('job_items').where('job_id', '=', slot('id')),
);
export const statuses = new CompiledStatement((db) =>
  db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('received', '=', true)
    .groupBy('status'),
);
