import { describe, expect, it } from 'vitest';
import { claimingIdempotencyKeys } from '../shared/claiming-unit-of-work.js';
import { type IdempotencyClaim, IdempotencyKeyHeld } from '../shared/idempotency.js';
import { aNewUser } from './builders.js';

import type { ContractContext } from './contract-context.js';

const at = (iso: string) => new Date(iso);

export const describeUnitOfWorkContracts = (contract: ContractContext) => {
  describe('IdempotencyKeyRepository', () => {
    const claimOf = (overrides: Partial<IdempotencyClaim> = {}): IdempotencyClaim => ({
      scope: 'user:1',
      key: 'k-1',
      fingerprint: 'f'.repeat(64),
      holder: '00000000-0000-4000-8000-000000000001',
      at: at('2026-06-01T10:00:00.000Z'),
      committed: () => undefined,
      ...overrides,
    });
    const answer = { status: 201, headers: { 'content-type': 'application/json' }, body: '{"article":{}}' };

    it('a key is claimed once; its holder may claim it again, anyone else may not until it expires', async () => {
      const keys = contract.fx.repositories.idempotencyKeys;
      expect(await keys.claim(claimOf())).toBe(true);
      expect(await keys.claim(claimOf())).toBe(true);
      const other = claimOf({ holder: '00000000-0000-4000-8000-000000000002' });
      expect(await keys.claim(other)).toBe(false);
      expect(await keys.claim(claimOf({ scope: 'user:2', holder: other.holder }))).toBe(true);
      expect(await keys.claim({ ...other, at: at('2026-06-02T10:00:00.001Z') })).toBe(true);
    });

    it('keeps the answer of the holder only, and finds the key within its window', async () => {
      const keys = contract.fx.repositories.idempotencyKeys;
      await keys.claim(claimOf());
      await keys.recordAnswer('user:1', 'k-1', '00000000-0000-4000-8000-000000000002', { ...answer, status: 500 });
      expect((await keys.find('user:1', 'k-1', at('2026-06-01T00:00:00.000Z')))?.answer).toBeNull();
      await keys.recordAnswer('user:1', 'k-1', claimOf().holder, answer);
      expect(await keys.find('user:1', 'k-1', at('2026-06-01T00:00:00.000Z'))).toEqual({
        fingerprint: 'f'.repeat(64),
        holder: claimOf().holder,
        createdAt: at('2026-06-01T10:00:00.000Z'),
        answer,
      });
      expect(await keys.find('user:1', 'k-1', at('2026-06-01T10:00:00.001Z'))).toBeNull();
      expect(await keys.find('user:2', 'k-1', at('2026-06-01T00:00:00.000Z'))).toBeNull();
    });

    it('forgets keys claimed before a time', async () => {
      const keys = contract.fx.repositories.idempotencyKeys;
      await keys.claim(claimOf());
      await keys.claim(claimOf({ key: 'k-2', at: at('2026-06-03T10:00:00.000Z') }));
      expect(await keys.forgetBefore(at('2026-06-02T00:00:00.000Z'))).toBe(1);
      expect(await keys.find('user:1', 'k-1', at('2026-01-01T00:00:00.000Z'))).toBeNull();
      expect(await keys.find('user:1', 'k-2', at('2026-01-01T00:00:00.000Z'))).not.toBeNull();
    });

    it('a claiming unit of work applies its write with its key, and a second request with the key applies nothing', async () => {
      let claim: IdempotencyClaim | undefined;
      let committed = 0;
      const unitOfWork = claimingIdempotencyKeys(contract.fx.unitOfWork, () => claim);
      claim = claimOf({ committed: () => committed++ });
      const first = await unitOfWork.run((repositories) => repositories.users.add(aNewUser({ username: 'keyed-1' })));
      expect(first.isOk()).toBe(true);
      expect(committed).toBe(1);
      claim = claimOf({ holder: '00000000-0000-4000-8000-000000000002', committed: () => committed++ });
      const second = unitOfWork.run((repositories) => repositories.users.add(aNewUser({ username: 'keyed-2' })));
      await expect(second).rejects.toBeInstanceOf(IdempotencyKeyHeld);
      expect(committed).toBe(1);
      expect(await contract.fx.repositories.users.findByUsername('keyed-2')).toBeNull();
    });

    it('a claim rolls back with its write', async () => {
      const unitOfWork = claimingIdempotencyKeys(contract.fx.unitOfWork, () => claimOf());
      const taken = await contract.addUser();
      const result = await unitOfWork.run((repositories) => repositories.users.add(aNewUser({ username: taken.username })));
      expect(result.isErr()).toBe(true);
      expect(await contract.fx.repositories.idempotencyKeys.find('user:1', 'k-1', at('2026-01-01T00:00:00.000Z'))).toBeNull();
    });
  });
  describe('UnitOfWork', () => {
    it('commits when the work succeeds', async () => {
      const result = await contract.fx.unitOfWork.run((repositories) => repositories.users.add(aNewUser({ username: 'committed' })));
      expect(result.isOk()).toBe(true);
      expect(await contract.fx.repositories.users.findByUsername('committed')).not.toBeNull();
    });

    it('rolls back when the work returns an expected failure', async () => {
      const taken = await contract.addUser();
      const result = await contract.fx.unitOfWork.run((repositories) =>
        repositories.users
          .add(aNewUser({ username: 'rolled-back' }))
          .andThen(() => repositories.users.add(aNewUser({ username: taken.username }))),
      );
      expect(result._unsafeUnwrapErr().type).toBe('UsernameTaken');
      expect(await contract.fx.repositories.users.findByUsername('rolled-back')).toBeNull();
    });

    it('rolls back and rethrows when the work throws', async () => {
      const outcome = contract.fx.unitOfWork.run((repositories) =>
        repositories.users.add(aNewUser({ username: 'defect' })).map(() => {
          throw new Error('boom');
        }),
      );
      await expect(outcome).rejects.toThrow('boom');
      expect(await contract.fx.repositories.users.findByUsername('defect')).toBeNull();
    });
  });
};
