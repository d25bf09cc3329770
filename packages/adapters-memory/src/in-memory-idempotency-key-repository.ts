import {
  type HeldIdempotencyKey,
  IDEMPOTENCY_WINDOW_MS,
  type IdempotencyClaim,
  type IdempotencyKeyRepository,
  type StoredAnswer,
} from '@conduit/domain';
import type { InMemoryStore } from './in-memory-store.js';

const slot = (scope: string, key: string) => `${scope}\n${key}`;

/** Write keys in the store, with the rules of the PostgreSQL table (see KyselyIdempotencyKeyRepository). */
export class InMemoryIdempotencyKeyRepository implements IdempotencyKeyRepository {
  constructor(private readonly store: InMemoryStore) {}

  async claim(claim: IdempotencyClaim): Promise<boolean> {
    const id = slot(claim.scope, claim.key);
    const current = this.store.writeKeys.get(id);
    const expired = current !== undefined && current.createdAt.getTime() < claim.at.getTime() - IDEMPOTENCY_WINDOW_MS;
    if (current !== undefined && !expired && current.holder !== claim.holder) return false;
    this.store.writeKeys.set(id, { fingerprint: claim.fingerprint, holder: claim.holder, createdAt: claim.at, answer: null });
    return true;
  }

  async find(scope: string, key: string, since: Date): Promise<HeldIdempotencyKey | null> {
    const held = this.store.writeKeys.get(slot(scope, key));
    return held === undefined || held.createdAt < since ? null : held;
  }

  async recordAnswer(scope: string, key: string, holder: string, answer: StoredAnswer): Promise<void> {
    const id = slot(scope, key);
    const held = this.store.writeKeys.get(id);
    if (held?.holder === holder) this.store.writeKeys.set(id, { ...held, answer });
  }

  async forgetBefore(before: Date): Promise<number> {
    let forgotten = 0;
    for (const [id, held] of this.store.writeKeys) {
      if (held.createdAt >= before) continue;
      this.store.writeKeys.delete(id);
      forgotten += 1;
    }
    return forgotten;
  }
}
