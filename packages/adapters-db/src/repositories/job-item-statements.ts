import type { JobId } from '@conduit/domain';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';

export const staged = new CompiledStatement((db, slot: SlotOf<{ id: JobId; first: number; count: number; body: string }>) =>
  db.insertInto('job_items').values({ job_id: slot('id'), first_item: slot('first'), item_count: slot('count'), body: slot('body') }),
);
/** The blocks holding items `after + 1` to `after + limit`. */
export const itemBlocks = new CompiledStatement((db, slot: SlotOf<{ id: JobId; after: number; last: number }>) =>
  db
    .selectFrom('job_items')
    .select(['first_item', 'body'])
    .where('job_id', '=', slot('id'))
    .where('first_item', '<=', slot('last'))
    .where((eb) => eb(eb('first_item', '+', eb.ref('item_count')), '>', slot('after')))
    .orderBy('first_item'),
);
/**
 * A transition, saved only over the state it was computed from: the same status, as many items
 * applied, the same cancel flag. The kept errors are rewritten only when the change added some.
 */
