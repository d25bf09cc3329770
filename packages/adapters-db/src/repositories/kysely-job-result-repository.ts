import type { JobId, JobResultRepository } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';

const saved = new CompiledStatement((db, slot: SlotOf<{ id: string; document: string; expiresAt: string }>) =>
  db
    .insertInto('job_results')
    .values({ job_id: slot('id'), document: slot('document'), expires_at: slot('expiresAt') })
    .onConflict((conflict) => conflict.column('job_id').doUpdateSet({ document: slot('document'), expires_at: slot('expiresAt') })),
);
const found = new CompiledStatement((db, slot: SlotOf<{ id: string; now: string }>) =>
  db.selectFrom('job_results').select('document').where('job_id', '=', slot('id')).where('expires_at', '>', slot('now')),
);
const forgotten = new CompiledStatement((db, slot: SlotOf<{ now: string }>) =>
  db.deleteFrom('job_results').where('expires_at', '<=', slot('now')).returning('job_id'),
);

/** `job_results`: a finished job's document, kept until it expires. */
export class KyselyJobResultRepository implements JobResultRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async save(id: JobId, document: string, expiresAt: Date): Promise<void> {
    await saved.rows(this.em(), { id, document, expiresAt: expiresAt.toISOString() });
  }

  async find(id: JobId, now: Date): Promise<string | null> {
    return (await found.first(this.em(), { id, now: now.toISOString() }))?.document ?? null;
  }

  async forgetExpired(now: Date): Promise<number> {
    return (await forgotten.rows(this.em(), { now: now.toISOString() })).length;
  }
}
