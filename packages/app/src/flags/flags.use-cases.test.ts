import { createInMemoryApp, type InMemoryApp } from '@conduit/adapters-memory/testing';
import { anonymous, checkFlagChange, systemActor, userActor, userId } from '@conduit/domain';
import { beforeEach, describe, expect, it } from 'vitest';

let app: InMemoryApp;
beforeEach(() => {
  app = createInMemoryApp();
});

const closeComments = checkFlagChange({ flag: 'comments', state: 'off', reason: 'spam wave' })._unsafeUnwrap();

/** As a batch script calls them, with no transport in front: the use cases guard themselves. */
describe('the flag use cases', () => {
  it('refuse users who are not admins, and anonymous callers, changing or reading nothing', async () => {
    for (const actor of [anonymous, userActor(userId(1), 'user')]) {
      expect((await app.useCases.changeFlag({ actor }, closeComments))._unsafeUnwrapErr()).toEqual({ type: 'FlagChangeForbidden' });
      expect((await app.useCases.listFlags({ actor }))._unsafeUnwrapErr()).toEqual({ type: 'FlagChangeForbidden' });
      expect((await app.useCases.flagHistory({ actor }, 10))._unsafeUnwrapErr()).toEqual({ type: 'FlagChangeForbidden' });
    }
    expect(await app.repositories.flags.settings()).toEqual([]);
  });

  it('let an admin and an operator change them, recorded with who and why, and list them with their defaults', async () => {
    const byAdmin = (await app.useCases.changeFlag({ actor: userActor(userId(7), 'admin') }, closeComments))._unsafeUnwrap();
    expect(byAdmin).toMatchObject({
      flag: 'comments',
      defaultOn: true,
      setting: { state: { kind: 'off' }, changedBy: 'user:7', reason: 'spam wave' },
    });
    const operator = { actor: systemActor('ops') };
    const unset = checkFlagChange({ flag: 'comments', state: null })._unsafeUnwrap();
    expect((await app.useCases.changeFlag(operator, unset))._unsafeUnwrap().setting).toBeNull();
    const listed = (await app.useCases.listFlags(operator))._unsafeUnwrap();
    expect(listed.map((view) => view.flag)).toEqual(['registration', 'comments', 'imports', 'account-export', 'mcp', 'mcp-writes']);
    expect((await app.useCases.flagHistory(operator, 10))._unsafeUnwrap().map((change) => change.changedBy)).toEqual(['ops', 'user:7']);
  });
});
