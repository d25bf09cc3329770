import type { JobId } from '@conduit/domain';
import { describe, expectTypeOf, it } from 'vitest';
import { CompiledStatement, CompiledStatements, type SlotOf, type StatementRow } from './compiled-statement.js';

// Checked by the typecheck step of `pnpm test`: a statement's rows are what its query selects,
// as Kysely infers them, and its parameters what its slot names; nothing is declared by hand.
const byId = new CompiledStatement((db, slot: SlotOf<{ id: JobId }>) =>
  db.selectFrom('jobs').select(['id', 'status', 'started_at']).where('id', '=', slot('id')),
);
const byShape = new CompiledStatements((shape: 'mine' | 'all', db, slot: SlotOf<{ ownerId: number }>) =>
  db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .$if(shape === 'mine', (qb) => qb.where('owner_id', '=', slot('ownerId'))),
);

describe('compiled statements the compiler checks', () => {
  it('infer their rows from the query and take exactly the parameters their slots name', () => {
    expectTypeOf<StatementRow<typeof byId>>().toEqualTypeOf<{ id: string; status: string; started_at: string | null }>();
    expectTypeOf<StatementRow<ReturnType<typeof byShape.for>>>().toEqualTypeOf<{ count: string }>();
    const typeChecksOnly = (row: StatementRow<typeof byId>) => {
      // @ts-expect-error a column the query does not select does not exist on its rows
      void row.total;
      // @ts-expect-error a value of the wrong type for a slot
      void byId.rows({} as never, { id: 7 });
      // @ts-expect-error nor a missing one
      void byShape.for('mine').rows({} as never, {});
    };
    void typeChecksOnly;
  });
});
