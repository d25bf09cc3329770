import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { Argon2PasswordHasher, JoseTokens, RandomSuffixGenerator } from '@conduit/adapters-crypto';
import { createInMemoryAdapters } from '@conduit/adapters-memory';
import { makeUseCases, type UseCases } from '@conduit/app';
import { type RequestScope, type ScopedWork, StoredRequestScope, type TokenVerifier } from '@conduit/domain';
import { systemClock } from './system-clock.js';

/**
 * The use cases over the in-memory adapters, with the real hashing, tokens and slugs: for a batch
 * script, a demo or a new driver that needs no database. Every rule and permission is the
 * server's (they live in the use cases and the domain); nothing outlives the process. `tokens`
 * turns a signed-in user's token into the actor, as the HTTP layer does.
 */
export const composeInMemoryCore = (): { readonly useCases: UseCases; readonly tokens: TokenVerifier; readonly scope: RequestScope } => {
  const scope = new StoredRequestScope(new AsyncLocalStorage<ScopedWork>());
  const tokens = new JoseTokens({
    currentTenant: scope.currentTenantId,
    keys: [{ kid: 'in-memory', secret: randomBytes(32) }],
    issuer: 'conduit',
    audience: 'conduit-api',
    ttlSeconds: 3600,
    leewaySeconds: 30,
  });
  const adapters = createInMemoryAdapters({ scope });
  const useCases = makeUseCases({
    ...adapters,
    tenancy: { ...adapters.tenancy, runIn: (tenant, work) => scope.run({ tenant }, work) },
    passwordHasher: new Argon2PasswordHasher(),
    tokenIssuer: tokens,
    clock: systemClock,
    suffixes: new RandomSuffixGenerator(),
  });
  return { useCases, tokens, scope };
};
