import { describeQueryContracts, describeTenantContracts } from '@conduit/app/testing';
import { describeRepositoryContracts } from '@conduit/domain/testing';
import { openPostgresTestContext, type PostgresTestContext, type TestRole, truncateAll } from './testing/test-database.js';

/*
 * Every contract twice: as the runtime role, where row-level security and the statements' own tenant
 * predicates both stand, and as a superuser, where row-level security does not apply and the
 * predicates alone keep tenants apart.
 */
for (const [role, family] of [
  ['runtime', 'PostgreSQL'],
  ['superuser', 'PostgreSQL as a superuser'],
] as const satisfies readonly (readonly [TestRole, string])[]) {
  let context: PostgresTestContext | undefined;
  const factory = {
    fresh: async () => {
      context ??= await openPostgresTestContext({ as: role });
      await truncateAll(context);
      return context;
    },
    close: async () => {
      await context?.close();
      context = undefined;
    },
  };
  describeRepositoryContracts(family, factory);
  describeQueryContracts(family, factory);
  describeTenantContracts(family, factory);
}
