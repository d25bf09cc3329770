import { AsyncLocalStorage } from 'node:async_hooks';
import { describeQueryContracts, describeTenantContracts } from '@conduit/app/testing';
import type { Tenant } from '@conduit/domain';
import { describeRepositoryContracts } from '@conduit/domain/testing';
import { createInMemoryAdapters } from './in-memory-adapters.js';

const factory = { fresh: async () => createInMemoryAdapters() };

describeRepositoryContracts('in-memory', factory);
describeQueryContracts('in-memory', factory);

/** The tests' own tenant scope, as the composition root's is for every driver. */
const withTenants = async () => {
  const inScope = new AsyncLocalStorage<Tenant>();
  const adapters = createInMemoryAdapters({ currentTenant: () => inScope.getStore()?.id });
  return { ...adapters, tenancy: { ...adapters.tenancy, runIn: <T>(tenant: Tenant, work: () => Promise<T>) => inScope.run(tenant, work) } };
};
describeTenantContracts('in-memory', { fresh: withTenants });
