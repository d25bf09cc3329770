import {
  type Authorized,
  assertAuthorized,
  type Idempotency,
  type ItemError,
  type Job,
  type JobId,
  type JobRepository,
  type JobStatus,
  type JobType,
  jobId,
  type KeyHeld,
  noJobsByStatus,
  type UserId,
  userId,
} from '@conduit/domain';
import { sql } from 'kysely';
import { err, ok, type Result } from 'neverthrow';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';
import type { ItemErrorsColumn } from '../records/job.record.js';

type JobRow = {
  id: string;
  type: string;
  owner_id: number;
  status: string;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  errors: ItemError[];
  cancel_requested: boolean;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

const jobColumns = [
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

const jobFromRow = (row: JobRow): Job => ({
  id: jobId(row.id),
  type: row.type as JobType,
  ownerId: userId(row.owner_id),
  status: row.status as JobStatus,
  total: row.total,
  processed: row.processed,
  succeeded: row.succeeded,
  failed: row.failed,
  errors: row.errors,
  cancelRequested: row.cancel_requested,
  createdAt: dateFromColumn(row.created_at),
  startedAt: row.started_at === null ? null : dateFromColumn(row.started_at),
  finishedAt: row.finished_at === null ? null : dateFromColumn(row.finished_at),
});

const unfinished = ['queued', 'running'];

/**
 * Jobs in three tables: `jobs` (status and counts), `job_items` (the items as received, until the
 * job ends) and `job_idempotency_keys`. Uploads are `jobs` rows with `received` false.
 */
const opened = new CompiledStatement<{ type: string; ownerId: UserId; createdAt: string }, { id: string }>((db, slot) =>
  db
    .insertInto('jobs')
    .values({ id: sql`gen_random_uuid()`, type: slot('type'), owner_id: slot('ownerId'), status: 'queued', created_at: slot('createdAt') })
    .returning('id'),
);
const staged = new CompiledStatement<{ id: JobId; first: number; count: number; body: string }, unknown>((db, slot) =>
  db.insertInto('job_items').values({ job_id: slot('id'), first_item: slot('first'), item_count: slot('count'), body: slot('body') }),
);
/** Takes the key when nobody holds it, or when its holder is older than the window; returns nothing when it is held. */
const claimed = new CompiledStatement<
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
const held = new CompiledStatement<{ ownerId: UserId; key: string; since: string }, JobRow & { fingerprint: string }>((db, slot) =>
  db
    .selectFrom('job_idempotency_keys as k')
    .innerJoin('jobs as j', 'j.id', 'k.job_id')
    .select([...jobColumns, 'k.fingerprint'])
    .where('k.owner_id', '=', slot('ownerId'))
    .where('k.key', '=', slot('key'))
    .where('k.created_at', '>=', slot('since'))
    .where('j.received', '=', true),
);
const queued = new CompiledStatement<{ id: JobId; total: number }, JobRow>((db, slot) =>
  db
    .updateTable('jobs as j')
    .set({ received: true, total: slot('total') })
    .where('j.id', '=', slot('id'))
    .returning(jobColumns),
);
const uploadOwner = new CompiledStatement<{ id: JobId }, { owner_id: number; created_at: string }>((db, slot) =>
  db.selectFrom('jobs').select(['owner_id', 'created_at']).where('id', '=', slot('id')),
);
const discarded = new CompiledStatement<{ id: JobId }, unknown>((db, slot) =>
  db.deleteFrom('jobs').where('id', '=', slot('id')).where('received', '=', false),
);
const abandoned = new CompiledStatement<{ cutoff: string }, { id: string }>((db, slot) =>
  db.deleteFrom('jobs').where('received', '=', false).where('created_at', '<', slot('cutoff')).returning('id'),
);
const one = new CompiledStatement<{ id: JobId }, JobRow>((db, slot) =>
  db.selectFrom('jobs as j').select(jobColumns).where('j.id', '=', slot('id')).where('j.received', '=', true),
);
const jobPage = new CompiledStatement<{ ownerId: UserId | null; limit: number; offset: number }, JobRow>((db, slot) =>
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
const counted = new CompiledStatement<{ ownerId: UserId | null }, { count: string }>((db, slot) =>
  db
    .selectFrom('jobs as j')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('j.received', '=', true)
    .where((eb) => eb.or([eb(sql`${slot('ownerId')}::int`, 'is', null), eb('j.owner_id', '=', slot('ownerId'))])),
);
/** The blocks holding items `after + 1` to `after + limit`. */
const itemBlocks = new CompiledStatement<{ id: JobId; after: number; last: number }, { first_item: number; body: string }>((db, slot) =>
  db
    .selectFrom('job_items')
    .select(['first_item', 'body'])
    .where('job_id', '=', slot('id'))
    .where('first_item', '<=', slot('last'))
    .where((eb) => eb(eb('first_item', '+', eb.ref('item_count')), '>', slot('after')))
    .orderBy('first_item'),
);
const started = new CompiledStatement<{ id: JobId; now: string }, JobRow>((db, slot) =>
  db
    .updateTable('jobs as j')
    .set((eb) => ({ status: 'running', started_at: eb.fn.coalesce('j.started_at', slot('now')) }))
    .where('j.id', '=', slot('id'))
    .where('j.received', '=', true)
    .where('j.status', 'in', unfinished)
    .returning(jobColumns),
);
const progressed = new CompiledStatement<
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
const finished = new CompiledStatement<{ id: JobId; status: string; now: string }, JobRow>((db, slot) =>
  db
    .updateTable('jobs as j')
    .set({ status: slot('status'), finished_at: slot('now') })
    .where('j.id', '=', slot('id'))
    .where('j.received', '=', true)
    .where('j.status', 'in', unfinished)
    .returning(jobColumns),
);
const dropItems = new CompiledStatement<{ id: JobId }, unknown>((db, slot) => db.deleteFrom('job_items').where('job_id', '=', slot('id')));
const cancelAsked = new CompiledStatement<{ id: JobId; now: string }, JobRow>((db, slot) =>
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
const statuses = new CompiledStatement<Record<string, never>, { status: string; count: string }>((db) =>
  db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('received', '=', true)
    .groupBy('status'),
);

export class KyselyJobRepository implements JobRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async open(upload: { type: JobType; ownerId: UserId; createdAt: Date }): Promise<JobId> {
    const row = await opened.first(this.em(), { ...upload, createdAt: upload.createdAt.toISOString() });
    if (row === undefined) throw new Error('The new job was not stored');
    return jobId(row.id);
  }

  async stage(id: JobId, first: number, items: readonly string[]): Promise<void> {
    if (items.length === 0) return;
    if (items.some((item) => item.includes('\n'))) throw new Error('A job item must be one line of JSON text');
    await staged.rows(this.em(), { id, first, count: items.length, body: items.join('\n') });
  }

  async queue(id: JobId, total: number, idempotency: Idempotency | null, keysSince: Date): Promise<Result<Job, KeyHeld>> {
    const em = this.em();
    if (idempotency !== null) {
      const upload = await uploadOwner.first(em, { id });
      if (upload === undefined) throw new Error(`No upload ${id}`);
      const values = { ownerId: userId(upload.owner_id), key: idempotency.key, since: keysSince.toISOString() };
      const claim = await claimed.first(em, { ...values, id, fingerprint: idempotency.fingerprint, createdAt: upload.created_at });
      if (claim === undefined) {
        const holder = await held.first(em, values);
        if (holder === undefined) throw new Error(`Idempotency key of job ${id}: held, but by no job`);
        return err({ type: 'KeyHeld', job: jobFromRow(holder), fingerprint: holder.fingerprint });
      }
    }
    const row = await queued.first(em, { id, total });
    if (row === undefined) throw new Error(`No upload ${id}`);
    return ok(jobFromRow(row));
  }

  async discard(id: JobId): Promise<void> {
    await discarded.rows(this.em(), { id });
  }

  async discardUploadsBefore(cutoff: Date): Promise<number> {
    return (await abandoned.rows(this.em(), { cutoff: cutoff.toISOString() })).length;
  }

  async findByIdempotencyKey(ownerId: UserId, key: string, since: Date): Promise<KeyHeld | null> {
    const row = await held.first(this.em(), { ownerId, key, since: since.toISOString() });
    return row === undefined ? null : { type: 'KeyHeld', job: jobFromRow(row), fingerprint: row.fingerprint };
  }

  async findById(id: JobId): Promise<Job | null> {
    const row = await one.first(this.em(), { id });
    return row === undefined ? null : jobFromRow(row);
  }

  async list(ownerId: UserId | null, page: { limit: number; offset: number }): Promise<{ jobs: Job[]; count: number }> {
    const em = this.em();
    const [rows, count] = await Promise.all([jobPage.rows(em, { ownerId, ...page }), counted.first(em, { ownerId })]);
    return { jobs: rows.map(jobFromRow), count: Number(count?.count ?? 0) };
  }

  async items(id: JobId, after: number, limit: number): Promise<string[]> {
    const blocks = await itemBlocks.rows(this.em(), { id, after, last: after + limit });
    const items: string[] = [];
    for (const block of blocks) {
      const lines = block.body.split('\n');
      const from = Math.max(after + 1 - block.first_item, 0);
      items.push(...lines.slice(from, from + limit - items.length));
    }
    return items;
  }

  async start(id: JobId, now: Date): Promise<Job | null> {
    const row = await started.first(this.em(), { id, now: now.toISOString() });
    return row === undefined ? null : jobFromRow(row);
  }

  async saveProgress(job: Job, from: Job): Promise<boolean> {
    // The kept errors are rewritten only when the batch added some.
    const errorsChanged = from.errors.length !== job.errors.length;
    const row = await progressed.first(this.em(), {
      id: job.id,
      expected: from.processed,
      processed: job.processed,
      succeeded: job.succeeded,
      failed: job.failed,
      errors: errorsChanged ? JSON.stringify(job.errors) : null,
    });
    return row !== undefined;
  }

  async finish(id: JobId, status: 'succeeded' | 'failed' | 'canceled', now: Date): Promise<Job | null> {
    const em = this.em();
    const row = await finished.first(em, { id, status, now: now.toISOString() });
    if (row === undefined) return null;
    await dropItems.rows(em, { id });
    return jobFromRow(row);
  }

  async requestCancel(id: JobId, now: Date, allowed: Authorized<'job:cancel'>): Promise<Job | null> {
    assertAuthorized(allowed, 'job:cancel', id);
    const em = this.em();
    const row = await cancelAsked.first(em, { id, now: now.toISOString() });
    if (row === undefined) return null;
    if (row.status === 'canceled') await dropItems.rows(em, { id });
    return jobFromRow(row);
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const counts = noJobsByStatus();
    for (const row of await statuses.rows(this.em(), {})) {
      if (row.status in counts) counts[row.status as JobStatus] = Number(row.count);
    }
    return counts;
  }
}
