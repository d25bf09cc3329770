import { AsyncLocalStorage } from 'node:async_hooks';
import { describeQueryContracts, describeTenantContracts } from '@conduit/app/testing';
import { type ScopedWork, StoredRequestScope, type Tenant } from '@conduit/domain';
import { describeRepositoryContracts } from '@conduit/domain/testing';
import { createInMemoryAdapters } from './in-memory-adapters.js';

const factory = { fresh: async () => createInMemoryAdapters() };

describeRepositoryContracts('in-memory', factory);
describeQueryContracts('in-memory', factory);

/** The tests' own tenant scope, as the composition root's is for every driver. */
const withTenants = async () => {
  const scope = new StoredRequestScope(new AsyncLocalStorage<ScopedWork>());
  const adapters = createInMemoryAdapters({ scope });
  return {
    ...adapters,
    tenancy: { ...adapters.tenancy, runIn: <T>(tenant: Tenant, work: () => Promise<T>) => scope.run({ tenant }, work) },
  };
};
describeTenantContracts('in-memory', { fresh: withTenants });
