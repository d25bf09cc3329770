import type { UserId } from '@conduit/domain';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';

export type Follow = { followerId: UserId; followeeId: UserId };

/** ON CONFLICT DO NOTHING: idempotent even when two requests race. */
export const addFollow = new CompiledStatement((db, slot: SlotOf<Follow>) =>
  db
    .insertInto('follows')
    .values({ follower_id: slot('followerId'), followee_id: slot('followeeId') })
    .onConflict((conflict) => conflict.columns(['follower_id', 'followee_id']).doNothing()),
);

export const removeFollow = new CompiledStatement((db, slot: SlotOf<Follow>) =>
  db.deleteFrom('follows').where('follower_id', '=', slot('followerId')).where('followee_id', '=', slot('followeeId')),
);
