import type { Kysely } from 'kysely';
import type { Database } from '../kysely/database.js';

/** What every statement that answers with jobs selects, from `jobs as j`. */
export const jobColumns = [
  'j.id',
  'j.type',
  'j.owner_id',
  'j.status',
  'j.total',
  'j.processed',
  'j.succeeded',
  'j.failed',
  'j.errors',
  'j.cancel_requested',
  'j.created_at',
  'j.started_at',
  'j.finished_at',
] as const;

/** Jobs, as every job statement selects them: what the row type of `jobFromRow` is inferred from. */
export const selectJobs = (db: Kysely<Database>) => db.selectFrom('jobs as j').select(jobColumns);
