import {
  type Authorized,
  assertAuthorized,
  type FlagChangeRecord,
  type FlagReason,
  type FlagRepository,
  type FlagSetting,
  type FlagState,
  type FlagTarget,
  isFlag,
  PUBLICATION,
} from '@conduit/domain';
import { sql } from 'kysely';
import { FLAG_CHANGES_CHANNEL } from '../change-announcements.js';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf, type StatementRow } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';
import type { FlagStateColumn } from '../records/feature-flag.record.js';

type Written = {
  flag: string;
  article: string;
  state: FlagStateColumn | null;
  percent: number | null;
  changedBy: string;
  changedAt: string;
  reason: string | null;
};

const settings = new CompiledStatement((db) =>
  db.selectFrom('feature_flags').select(['flag', 'article', 'state', 'percent', 'changed_by', 'changed_at', 'reason']),
);
const set = new CompiledStatement((db, slot: SlotOf<Written>) =>
  db
    .insertInto('feature_flags')
    .values({
      flag: slot('flag'),
      article: slot('article'),
      state: sql<FlagStateColumn>`${slot('state')}`,
      percent: slot('percent'),
      changed_by: slot('changedBy'),
      changed_at: slot('changedAt'),
      reason: slot('reason'),
    })
    .onConflict((conflict) =>
      conflict.columns(['tenant_id', 'flag', 'article']).doUpdateSet((eb) => ({
        state: eb.ref('excluded.state'),
        percent: eb.ref('excluded.percent'),
        changed_by: eb.ref('excluded.changed_by'),
        changed_at: eb.ref('excluded.changed_at'),
        reason: eb.ref('excluded.reason'),
      })),
    ),
);
const unset = new CompiledStatement((db, slot: SlotOf<{ flag: string; article: string }>) =>
  db.deleteFrom('feature_flags').where('flag', '=', slot('flag')).where('article', '=', slot('article')),
);
const recorded = new CompiledStatement((db, slot: SlotOf<Written>) =>
  db.insertInto('feature_flag_changes').values({
    flag: slot('flag'),
    article: slot('article'),
    state: slot('state'),
    percent: slot('percent'),
    changed_by: slot('changedBy'),
    changed_at: slot('changedAt'),
    reason: slot('reason'),
  }),
);
const history = new CompiledStatement((db, slot: SlotOf<{ limit: number }>) =>
  db
    .selectFrom('feature_flag_changes')
    .select(['flag', 'article', 'state', 'percent', 'changed_by', 'changed_at', 'reason'])
    .orderBy('id', 'desc')
    .limit(slot('limit')),
);
/** Heard by every process's flag book (FlagBook.changed) when the transaction commits; never if it rolls back. */
const announced = new CompiledStatement((db) =>
  db.selectNoFrom(sql<string>`pg_notify(${FLAG_CHANGES_CHANNEL}, conduit_tenant()::text)`.as('sent')),
);

const stateColumns = (state: FlagState | null): Pick<Written, 'state' | 'percent'> =>
  state === null ? { state: null, percent: null } : { state: state.kind, percent: state.kind === 'rollout' ? state.percent : null };

const stateOf = (state: FlagStateColumn, percent: number | null): FlagState =>
  state === 'rollout' ? { kind: 'rollout', percent: percent ?? 0 } : { kind: state };

const targetOf = (article: string): FlagTarget => (article === '' ? PUBLICATION : { kind: 'article', slug: article });

/** A change row's columns, as its statement selects them; a setting row has the same ones (its state never null). */
type Row = StatementRow<typeof history>;

/** What a setting row and a change row both say; nothing for a flag this build does not know (a newer build wrote it). */
const recordOf = (row: Row): FlagChangeRecord[] =>
  isFlag(row.flag)
    ? [
        {
          flag: row.flag,
          target: targetOf(row.article),
          state: row.state === null ? null : stateOf(row.state, row.percent),
          changedBy: row.changed_by,
          changedAt: dateFromColumn(row.changed_at),
          reason: row.reason as FlagReason | null,
        },
      ]
    : [];

/** `feature_flags` and `feature_flag_changes`: one publication's flags and the record of their changes. */
export class KyselyFlagRepository implements FlagRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async settings(): Promise<FlagSetting[]> {
    return (await settings.rows(this.em(), {}))
      .flatMap(recordOf)
      .flatMap(({ state, ...setting }) => (state === null ? [] : [{ ...setting, state }]));
  }

  async change(change: FlagChangeRecord, allowed: Authorized<'flag:change'>): Promise<void> {
    assertAuthorized(allowed, 'flag:change', change.flag);
    const written: Written = {
      flag: change.flag,
      article: change.target.kind === 'article' ? change.target.slug : '',
      ...stateColumns(change.state),
      changedBy: change.changedBy,
      changedAt: change.changedAt.toISOString(),
      reason: change.reason,
    };
    if (written.state === null) await unset.rows(this.em(), written);
    else await set.rows(this.em(), written);
    await recorded.rows(this.em(), written);
    await announced.rows(this.em(), {});
  }

  async history(limit: number, allowed: Authorized<'flag:read'>): Promise<FlagChangeRecord[]> {
    assertAuthorized(allowed, 'flag:read', 'flags');
    return (await history.rows(this.em(), { limit })).flatMap(recordOf);
  }
}
