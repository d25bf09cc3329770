import { errAsync, ResultAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import type { FlagChangeRecord } from '../flags/flag-repository.js';
import { authorizedForTest } from './authorized.js';
import type { ContractContext } from './contract-context.js';

const at = (iso: string) => new Date(iso);
const change = (overrides: Partial<FlagChangeRecord>): FlagChangeRecord => ({
  flag: 'comments',
  target: { kind: 'publication' },
  state: { kind: 'off' },
  reason: null,
  changedBy: 'operator',
  changedAt: at('2026-03-01T10:00:00.000Z'),
  ...overrides,
});

/** What every store of flags keeps: settings per flag and article, a change that rolls back leaves nothing, and the record of changes. */
export const describeFlagContracts = (contract: ContractContext) => {
  describe('FlagRepository', () => {
    const apply = async (record: FlagChangeRecord) =>
      (
        await contract.fx.unitOfWork.run((repositories) =>
          ResultAsync.fromSafePromise(repositories.flags.change(record, authorizedForTest('flag:change', record.flag))),
        )
      )._unsafeUnwrap();

    it('sets a flag for the publication and for one article, changes it, and unsets it back to its default', async () => {
      const { flags } = contract.fx.repositories;
      expect(await flags.settings()).toEqual([]);
      await apply(change({ reason: 'spam wave' as never }));
      await apply(change({ target: { kind: 'article', slug: 'closed-one' } }));
      await apply(change({ flag: 'registration', state: { kind: 'rollout', percent: 25 }, changedBy: 'admin' }));
      await apply(change({ state: { kind: 'on' }, changedAt: at('2026-03-01T11:00:00.000Z') }));
      const settings = await flags.settings();
      expect(settings.sort((a, b) => `${a.flag}${a.target.kind}`.localeCompare(`${b.flag}${b.target.kind}`))).toEqual([
        {
          flag: 'comments',
          target: { kind: 'article', slug: 'closed-one' },
          state: { kind: 'off' },
          changedBy: 'operator',
          changedAt: at('2026-03-01T10:00:00.000Z'),
          reason: null,
        },
        {
          flag: 'comments',
          target: { kind: 'publication' },
          state: { kind: 'on' },
          changedBy: 'operator',
          changedAt: at('2026-03-01T11:00:00.000Z'),
          reason: null,
        },
        {
          flag: 'registration',
          target: { kind: 'publication' },
          state: { kind: 'rollout', percent: 25 },
          changedBy: 'admin',
          changedAt: at('2026-03-01T10:00:00.000Z'),
          reason: null,
        },
      ]);
      await apply(change({ state: null }));
      expect((await flags.settings()).map((setting) => `${setting.flag} ${setting.target.kind}`).sort()).toEqual([
        'comments article',
        'registration publication',
      ]);
    });

    it('records every change, newest first, unsets included; a change in a unit of work that fails leaves nothing', async () => {
      await apply(change({ reason: 'first' as never }));
      await apply(change({ state: null, reason: 'second' as never }));
      const refused = await contract.fx.unitOfWork.run((repositories) =>
        ResultAsync.fromSafePromise(repositories.flags.change(change({ flag: 'mcp' }), authorizedForTest('flag:change', 'mcp'))).andThen(
          () => errAsync('refused after the change' as const),
        ),
      );
      expect(refused.isErr()).toBe(true);
      const history = await contract.fx.repositories.flags.history(10, authorizedForTest('flag:read', 'flags'));
      expect(history.map((record) => [record.flag, record.state, record.reason])).toEqual([
        ['comments', null, 'second'],
        ['comments', { kind: 'off' }, 'first'],
      ]);
      expect(await contract.fx.repositories.flags.settings()).toEqual([]);
      expect(await contract.fx.repositories.flags.history(1, authorizedForTest('flag:read', 'flags'))).toHaveLength(1);
    });

    it('refuses a proof for another flag', async () => {
      await expect(
        contract.fx.repositories.flags.change(change({ flag: 'mcp' }), authorizedForTest('flag:change', 'comments')),
      ).rejects.toThrow();
    });
  });
};
