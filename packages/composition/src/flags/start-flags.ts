import { type FeatureFlags, FlagBook, readFlagStatesWith } from '@conduit/app';
import type { Clock, Flag, FlagSetting, RequestScope, Tenant, TenantId } from '@conduit/domain';
import { OpenFeature, type Provider } from '@openfeature/server-sdk';
import type { Logger } from '../logger.js';
import { ConduitFlagProvider } from './conduit-flag-provider.js';
import { openFeatureFlags } from './open-feature-flags.js';

/** A process's flags: what the use cases ask, and the book behind Conduit's provider (told of changes, asked for its health). */
export type Flags = {
  readonly features: FeatureFlags;
  readonly book: FlagBook;
  /** True while the flag store cannot be read: the last settings read (or the defaults) are served. */
  readonly unreadable: () => boolean;
};

type FlagDeps = {
  readonly scope: RequestScope;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: () => Promise<FlagSetting[]>;
  readonly tenantById: (id: TenantId) => Promise<Tenant | null>;
  readonly defaults: Readonly<Record<Flag, boolean>>;
  readonly refreshMs: number;
  /** Another OpenFeature provider to ask instead of Conduit's own (FLAG_OFREP_URL). */
  readonly provider?: Provider;
};

/** OpenFeature is one API per process; each core (a test may compose several) binds its provider to a domain of its own. */
let cores = 0;

/**
 * Conduit's provider over the flag book (each publication's settings, read in a scope of their own:
 * no request's deadline or budget), bound to an OpenFeature domain, and the use cases' flags asked
 * through its client. The SDK's own messages go to the log at debug: a store that cannot be read is
 * said once, at warn, by the book.
 */
export const startFlags = (deps: FlagDeps): Flags => {
  let unreadable = false;
  const book = new FlagBook(
    readFlagStatesWith((tenant, work) => deps.scope.runApart({ tenant }, work), deps.settings),
    {
      clock: deps.clock,
      listener: {
        unreadable: (error) => {
          unreadable = true;
          deps.logger.warn(
            { err: error },
            'feature flags: the flag store cannot be read; serving the last settings read, else the defaults',
          );
        },
        readable: () => {
          unreadable = false;
          deps.logger.info('feature flags: the flag store can be read again');
        },
      },
    },
    { refreshMs: deps.refreshMs },
  );
  const domain = `conduit-${++cores}`;
  const sdkLog = deps.logger.child({ component: 'openfeature' });
  OpenFeature.setLogger({
    error: (...args: unknown[]) => sdkLog.debug({ args }, 'openfeature error'),
    warn: (...args: unknown[]) => sdkLog.debug({ args }, 'openfeature warning'),
    info: () => undefined,
    debug: () => undefined,
  });
  OpenFeature.setProvider(domain, deps.provider ?? new ConduitFlagProvider(book, deps.tenantById));
  const client = OpenFeature.getClient(domain);
  return { features: openFeatureFlags(client, deps.scope, deps.defaults), book, unreadable: () => unreadable };
};
