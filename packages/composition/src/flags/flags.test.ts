import { AsyncLocalStorage } from 'node:async_hooks';
import { openPostgresTestContext } from '@conduit/adapters-db/testing';
import { createInMemoryAdapters } from '@conduit/adapters-memory';
import {
  DEFAULT_TENANT,
  type FlagChange,
  type Repositories,
  type RequestScope,
  type ScopedWork,
  StoredRequestScope,
  systemActor,
  type Tenant,
  type TenantRepository,
  type UnitOfWork,
  userActor,
  userId,
} from '@conduit/domain';
import { aTenantSlug, authorizedForTest } from '@conduit/domain/testing';
import { ResultAsync } from 'neverthrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { systemClock } from '../system-clock.js';
import { startFlags } from './start-flags.js';

type Store = {
  readonly scope: RequestScope;
  readonly repositories: Repositories;
  readonly unitOfWork: UnitOfWork;
  readonly tenants: TenantRepository;
  readonly close: () => Promise<void>;
};

const families: readonly (readonly [string, () => Promise<Store>])[] = [
  [
    'in memory',
    async () => {
      const scope = new StoredRequestScope(new AsyncLocalStorage<ScopedWork>());
      const adapters = createInMemoryAdapters({ scope });
      return { scope, ...adapters, tenants: adapters.tenancy.tenants, close: async () => undefined };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const context = await openPostgresTestContext();
      return { ...context, tenants: context.tenancy.tenants, close: () => context.close() };
    },
  ],
];

const DEFAULTS = { registration: true, comments: true, imports: true, 'account-export': true, mcp: true, 'mcp-writes': false } as const;
const silent = createLogger({ LOG_LEVEL: 'silent' } as never);

for (const [family, open] of families) {
  describe(`flags through OpenFeature, on Conduit's provider: ${family}`, () => {
    let store: Store;
    let acme: Tenant;
    beforeAll(async () => {
      store = await open();
      const added = await store.tenants.add(aTenantSlug('acme'), [], authorizedForTest('tenant:manage', 'acme'));
      acme = { id: added._unsafeUnwrap().id, slug: 'acme' };
    });
    afterAll(async () => {
      await store.close();
    });

    /** A process's flags over the store; `failing` makes its reads fail, as a lost database does. */
    const aProcess = (failing = { now: false }) =>
      startFlags({
        scope: store.scope,
        clock: systemClock,
        logger: silent,
        settings: () => (failing.now ? Promise.reject(new Error('database unavailable')) : store.repositories.flags.settings()),
        tenantById: async (id) => (await store.tenants.all()).find((tenant) => tenant.id === id) ?? null,
        defaults: DEFAULTS,
        refreshMs: 60_000,
      });
    const change = async (tenant: Tenant, wanted: Omit<FlagChange, 'reason'>) =>
      (
        await store.scope.run({ tenant }, () =>
          store.unitOfWork.run((repositories) =>
            ResultAsync.fromSafePromise(
              repositories.flags.change(
                { ...wanted, reason: null, changedBy: 'test', changedAt: new Date() },
                authorizedForTest('flag:change', wanted.flag),
              ),
            ),
          ),
        )
      )._unsafeUnwrap();
    const ask = (flags: ReturnType<typeof aProcess>, tenant: Tenant, flag: keyof typeof DEFAULTS, user = 7, article?: string) =>
      store.scope.run({ tenant }, () =>
        flags.features.for(userActor(userId(user), 'user')).enabled(flag, article === undefined ? {} : { article }),
      );
    const publication = { kind: 'publication' } as const;

    it("answers the default until set; a setting holds at its publication alone; an article's setting holds for it alone", async () => {
      const flags = aProcess();
      expect(await ask(flags, acme, 'comments')).toBe(true);
      expect(await ask(flags, acme, 'mcp-writes')).toBe(false);
      await change(acme, { flag: 'comments', target: publication, state: { kind: 'off' } });
      await change(acme, { flag: 'comments', target: { kind: 'article', slug: 'open' }, state: { kind: 'on' } });
      await change(acme, { flag: 'mcp-writes', target: publication, state: { kind: 'on' } });
      // Read once and kept: until the change is announced, the book serves what it read.
      expect(await ask(flags, acme, 'comments')).toBe(true);
      flags.book.changed(acme.id);
      expect(await ask(flags, acme, 'comments')).toBe(false);
      expect(await ask(flags, acme, 'comments', 7, 'open')).toBe(true);
      expect(await ask(flags, acme, 'comments', 7, 'other')).toBe(false);
      expect(await ask(flags, acme, 'mcp-writes')).toBe(true);
      expect(await ask(flags, DEFAULT_TENANT, 'comments')).toBe(true);
      // The operator's own work (no user) asks too, and hears the publication's setting.
      expect(await store.scope.run({ tenant: acme }, () => flags.features.for(systemActor('op')).enabled('comments'))).toBe(false);
      await change(acme, { flag: 'comments', target: publication, state: null });
      flags.book.changed(acme.id);
      expect(await ask(flags, acme, 'comments')).toBe(true);
    });

    it('splits a rollout by user id within ±2 % of its share, the same in a second process', async () => {
      await change(acme, { flag: 'imports', target: publication, state: { kind: 'rollout', percent: 30 } });
      const [first, second] = [aProcess(), aProcess()];
      const users = Array.from({ length: 10_000 }, (_, index) => index + 1);
      const on = async (flags: ReturnType<typeof aProcess>) =>
        (await Promise.all(users.map((user) => ask(flags, acme, 'imports', user)))).flatMap((yes, index) => (yes ? [index] : []));
      const [inFirst, inSecond] = [await on(first), await on(second)];
      expect(Math.abs(inFirst.length / users.length - 0.3)).toBeLessThanOrEqual(0.02);
      expect(inSecond).toEqual(inFirst);
    });

    it('serves the last settings read when the store cannot be read, the defaults before any, and says so once', async () => {
      await change(DEFAULT_TENANT, { flag: 'registration', target: publication, state: { kind: 'off' } });
      const failing = { now: false };
      const flags = aProcess(failing);
      expect(await ask(flags, DEFAULT_TENANT, 'registration')).toBe(false);
      failing.now = true;
      flags.book.changed();
      expect(await ask(flags, DEFAULT_TENANT, 'registration')).toBe(false);
      expect(flags.unreadable()).toBe(true);
      // A publication never read: its defaults.
      expect(await ask(flags, acme, 'registration')).toBe(true);
      failing.now = false;
      flags.book.changed();
      expect(await ask(flags, DEFAULT_TENANT, 'registration')).toBe(false);
      expect(flags.unreadable()).toBe(false);
    });
  });
}
