import {
  type Authorized,
  assertAuthorized,
  type FlagChangeRecord,
  type FlagRepository,
  type FlagSetting,
  type FlagTarget,
} from '@conduit/domain';
import type { InMemoryStore } from './in-memory-store.js';

const keyOf = (flag: string, target: FlagTarget) => (target.kind === 'article' ? `${flag} article ${target.slug}` : flag);

/** One tenant's flag settings and the record of their changes (the store is the tenant's). */
export class InMemoryFlagRepository implements FlagRepository {
  constructor(private readonly store: InMemoryStore) {}

  async settings(): Promise<FlagSetting[]> {
    return [...this.store.flags.values()];
  }

  async change(change: FlagChangeRecord, allowed: Authorized<'flag:change'>): Promise<void> {
    assertAuthorized(allowed, 'flag:change', change.flag);
    const key = keyOf(change.flag, change.target);
    if (change.state === null) this.store.flags.delete(key);
    else
      this.store.flags.set(key, {
        flag: change.flag,
        target: change.target,
        state: change.state,
        changedBy: change.changedBy,
        changedAt: change.changedAt,
        reason: change.reason,
      });
    this.store.flagChanges.push(change);
  }

  async history(limit: number, allowed: Authorized<'flag:read'>): Promise<FlagChangeRecord[]> {
    assertAuthorized(allowed, 'flag:read', 'flags');
    return this.store.flagChanges.slice(-limit).reverse();
  }
}
