import type { JobId, UserId } from '@conduit/domain';
import { sql } from 'kysely';
import { CompiledStatement } from '../kysely/compiled-statement.js';
import type { ItemErrorsColumn } from '../records/job.record.js';
import { type JobRow, jobColumns, unfinished } from './job-rows.js';

export const one = new CompiledStatement<{ id: JobId }, JobRow>((db, slot) =>
  db.selectFrom('jobs as j').select(jobColumns).where('j.id', '=', slot('id')).where('j.received', '=', true),
);
export const jobPage = new CompiledStatement<{ ownerId: UserId | null; limit: number; offset: number }, JobRow>((db, slot) =>
  db
    .selectFrom('jobs as j')
    .select(jobColumns)
    .where('j.received', '=', true)
    .where((eb) => eb.or([eb(sql`${slot('ownerId')}::int`, 'is', null), eb('j.owner_id', '=', slot('ownerId'))]))
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id', 'desc')
    .limit(slot('limit'))
    .offset(slot('offset')),
);
export const counted = new CompiledStatement<{ ownerId: UserId | null }, { count: string }>((db, slot) =>
  db
    .selectFrom('jobs as j')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('j.received', '=', true)
    .where((eb) => eb.or([eb(sql`${slot('ownerId')}::int`, 'is', null), eb('j.owner_id', '=', slot('ownerId'))])),
);
/** The blocks holding items `after + 1` to `after + limit`. */
export const itemBlocks = new CompiledStatement<{ id: JobId; after: number; last: number }, { first_item: number; body: string }>(
  (db, slot) =>
    db
      .selectFrom('job_items')
      .select(['first_item', 'body'])
      .where('job_id', '=', slot('id'))
      .where('first_item', '<=', slot('last'))
      .where((eb) => eb(eb('first_item', '+', eb.ref('item_count')), '>', slot('after')))
      .orderBy('first_item'),
);
export const started = new CompiledStatement<{ id: JobId; now: string }, JobRow>((db, slot) =>
  db
    .updateTable('jobs as j')
    .set((eb) => ({ status: 'running', started_at: eb.fn.coalesce('j.started_at', slot('now')) }))
    .where('j.id', '=', slot('id'))
    .where('j.received', '=', true)
    .where('j.status', 'in', unfinished)
    .returning(jobColumns),
);
export const progressed = new CompiledStatement<
  { id: JobId; expected: number; processed: number; succeeded: number; failed: number; errors: string | null },
  { id: string }
>((db, slot) =>
  db
    .updateTable('jobs as j')
    .set({
      processed: slot('processed'),
      succeeded: slot('succeeded'),
      failed: slot('failed'),
      // Rewritten only when the batch added errors to the kept list.
      errors: sql<ItemErrorsColumn>`coalesce(${slot('errors')}::jsonb, j.errors)`,
    })
    .where('j.id', '=', slot('id'))
    .where('j.status', '=', 'running')
    .where('j.processed', '=', slot('expected'))
    .where('j.cancel_requested', '=', false)
    .returning('j.id'),
);
export const finished = new CompiledStatement<{ id: JobId; status: string; now: string }, JobRow>((db, slot) =>
  db
    .updateTable('jobs as j')
    .set({ status: slot('status'), finished_at: slot('now') })
    .where('j.id', '=', slot('id'))
    .where('j.received', '=', true)
    .where('j.status', 'in', unfinished)
    .returning(jobColumns),
);
export const dropItems = new CompiledStatement<{ id: JobId }, unknown>((db, slot) =>
  db.deleteFrom('job_items').where('job_id', '=', slot('id')),
);
export const cancelAsked = new CompiledStatement<{ id: JobId; now: string }, JobRow>((db, slot) =>
  db
    .updateTable('jobs as j')
    .set((eb) => ({
      cancel_requested: true,
      // A queued job has nothing under way: it ends here.
      status: eb.case().when('j.status', '=', 'queued').then('canceled').else(eb.ref('j.status')).end(),
      finished_at: eb.case().when('j.status', '=', 'queued').then(slot('now')).else(eb.ref('j.finished_at')).end(),
    }))
    .where('j.id', '=', slot('id'))
    .where('j.received', '=', true)
    .where('j.status', 'in', unfinished)
    .returning(jobColumns),
);
export const statuses = new CompiledStatement<Record<string, never>, { status: string; count: string }>((db) =>
  db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('received', '=', true)
    .groupBy('status'),
);
