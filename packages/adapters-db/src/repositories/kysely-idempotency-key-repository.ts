import {
  type HeldIdempotencyKey,
  IDEMPOTENCY_WINDOW_MS,
  type IdempotencyClaim,
  type IdempotencyKeyRepository,
  type StoredAnswer,
} from '@conduit/domain';
import { sql } from 'kysely';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';
import type { AnswerHeadersColumn } from '../records/idempotency-key.record.js';

/**
 * Takes the key when nobody holds it, when its holder claimed it before the window, or when this
 * request already holds it (its second unit of work); returns nothing when another request holds it.
 */
const claimed = new CompiledStatement(
  (db, slot: SlotOf<{ scope: string; key: string; fingerprint: string; holder: string; at: string; expiredBefore: string }>) =>
    db
      .insertInto('idempotency_keys')
      .values({ scope: slot('scope'), key: slot('key'), fingerprint: slot('fingerprint'), holder: slot('holder'), created_at: slot('at') })
      .onConflict((conflict) =>
        conflict
          .columns(['tenant_id', 'scope', 'key'])
          .doUpdateSet({
            fingerprint: slot('fingerprint'),
            holder: slot('holder'),
            created_at: slot('at'),
            answer_status: null,
            answer_headers: null,
            answer_body: null,
          })
          .where((eb) =>
            eb.or([eb('idempotency_keys.created_at', '<', slot('expiredBefore')), eb('idempotency_keys.holder', '=', slot('holder'))]),
          ),
      )
      .returning('holder'),
);
const held = new CompiledStatement((db, slot: SlotOf<{ scope: string; key: string; since: string }>) =>
  db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'holder', 'created_at', 'answer_status', 'answer_headers', 'answer_body'])
    .where('scope', '=', slot('scope'))
    .where('key', '=', slot('key'))
    .where('created_at', '>=', slot('since')),
);
const answered = new CompiledStatement(
  (db, slot: SlotOf<{ scope: string; key: string; holder: string; status: number; headers: string; body: string }>) =>
    db
      .updateTable('idempotency_keys')
      .set({
        answer_status: slot('status'),
        answer_headers: sql<AnswerHeadersColumn>`${slot('headers')}::jsonb`,
        answer_body: slot('body'),
      })
      .where('scope', '=', slot('scope'))
      .where('key', '=', slot('key'))
      .where('holder', '=', slot('holder')),
);
const forgotten = new CompiledStatement((db, slot: SlotOf<{ before: string }>) =>
  db.deleteFrom('idempotency_keys').where('created_at', '<', slot('before')).returning('key'),
);

/** `idempotency_keys`: a write's key, inserted in its transaction, and the answer it got. */
export class KyselyIdempotencyKeyRepository implements IdempotencyKeyRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async claim(claim: IdempotencyClaim): Promise<boolean> {
    const row = await claimed.first(this.em(), {
      scope: claim.scope,
      key: claim.key,
      fingerprint: claim.fingerprint,
      holder: claim.holder,
      at: claim.at.toISOString(),
      expiredBefore: new Date(claim.at.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString(),
    });
    return row !== undefined;
  }

  async find(scope: string, key: string, since: Date): Promise<HeldIdempotencyKey | null> {
    const row = await held.first(this.em(), { scope, key, since: since.toISOString() });
    if (row === undefined) return null;
    const answer: StoredAnswer | null =
      row.answer_status === null ? null : { status: row.answer_status, headers: row.answer_headers ?? {}, body: row.answer_body ?? '' };
    return { fingerprint: row.fingerprint, holder: row.holder, createdAt: dateFromColumn(row.created_at), answer };
  }

  async recordAnswer(scope: string, key: string, holder: string, answer: StoredAnswer): Promise<void> {
    await answered.rows(this.em(), {
      scope,
      key,
      holder,
      status: answer.status,
      headers: JSON.stringify(answer.headers),
      body: answer.body,
    });
  }

  async forgetBefore(before: Date): Promise<number> {
    return (await forgotten.rows(this.em(), { before: before.toISOString() })).length;
  }
}
