import { ALL_FEATURES_ON, makeUseCases, type UseCases } from '@conduit/app';
import {
  assignRole,
  type Role,
  type RunInTenant,
  type TokenIssuer,
  type UnitOfWorkScope,
  type UserActor,
  userActor,
} from '@conduit/domain';
import { aSignUp, authorizedForTest } from '@conduit/domain/testing';
import { createInMemoryAdapters, type InMemoryAdapters } from '../in-memory-adapters.js';
import { CountingSuffixGenerator } from './counting-suffix-generator.js';
import { SteppingClock } from './fake-clock.js';
import { FakePasswordHasher } from './fake-password-hasher.js';
import { FakeTokenIssuer } from './fake-token-issuer.js';

export type InMemoryApp = InMemoryAdapters & {
  readonly useCases: UseCases;
  readonly passwordHasher: FakePasswordHasher;
  /** The use cases' time: `wait` moves it on at once. */
  readonly clock: SteppingClock;
  /** Registers a user straight through the use case, stores `role`, and returns them as an actor in the session the sign-up started. */
  signUp(username: string, role?: Role): Promise<UserActor>;
};

/** Without a scope, one tenant, the default: enough for every test but those that switch tenants, which bring their own scope. */
const oneTenant: RunInTenant = () =>
  Promise.reject(new Error('this test app serves the default tenant only: pass `scope` to run work for another'));

/** The test composition root: every use case over fakes, no I/O. */
/** `scope`: the test's request scope (its tenant, deadline and idempotency key), as a driver's is. */
export const createInMemoryApp = (options: UnitOfWorkScope & { tokenIssuer?: TokenIssuer } = {}): InMemoryApp => {
  const { tokenIssuer, scope } = options;
  const adapters = createInMemoryAdapters(scope ? { scope } : {});
  const passwordHasher = new FakePasswordHasher();
  const clock = new SteppingClock();
  const useCases = makeUseCases({
    ...adapters,
    passwordHasher,
    tokenIssuer: tokenIssuer ?? new FakeTokenIssuer(),
    clock,
    suffixes: new CountingSuffixGenerator(),
    tenancy: { ...adapters.tenancy, runIn: scope ? (tenant, work) => scope.run({ tenant }, work) : oneTenant },
  });
  const signUp = async (username: string, role: Role = 'user'): Promise<UserActor> => {
    (
      await useCases.registerUser(
        { actor: { kind: 'anonymous' }, features: ALL_FEATURES_ON },
        aSignUp({ username, email: `${username}@example.com`, password: 'password123' }),
      )
    )._unsafeUnwrap();
    const user = await adapters.repositories.users.findByUsername(username);
    if (!user) throw new Error(`sign-up of ${username} failed`);
    if (role !== user.role) {
      // The actor must not claim a role the store does not hold: use cases re-read the user.
      const allowed = authorizedForTest('role:assign', username);
      await adapters.repositories.users.saveRole(assignRole(user, role, { by: 'test', at: new Date(0) }, allowed), allowed);
    }
    const [session] = await adapters.repositories.sessions.listLive(user.id, new Date(0));
    return userActor(user.id, role, session?.id ?? null);
  };
  return { ...adapters, useCases, passwordHasher, clock, signUp };
};
