import { describeQueryContracts, describeTenantContracts } from '@conduit/app/testing';
import { describeRepositoryContracts } from '@conduit/domain/testing';
import { openPostgresTestContext, type PostgresTestContext, truncateAll } from './testing/test-database.js';

let context: PostgresTestContext | undefined;
const factory = {
  fresh: async () => {
    context ??= await openPostgresTestContext();
    await truncateAll(context);
    return context;
  },
  close: async () => {
    await context?.close();
    context = undefined;
  },
};

describeRepositoryContracts('PostgreSQL', factory);
describeQueryContracts('PostgreSQL', factory);
describeTenantContracts('PostgreSQL', factory);
