import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_TENANT,
  type RequestScope,
  type RunInTenant,
  type ScopedWork,
  StoredRequestScope,
  type TenantContents,
  type TenantRepository,
} from '@conduit/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { createOrm, type OrmOptions } from '../orm.js';
import { createPostgresAdapters, type PostgresAdapters } from '../postgres-adapters.js';
import { bypassesRowSecurity } from '../tenants/runtime-role.js';
import { TENANT_OWNED_TABLES } from '../tenants/tenant-isolation.js';

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const onDatabase = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const admin = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => onDatabase(inject('postgresAdminUrl'), work);

export type TestDatabase = {
  /** As the runtime role (owns no table, held by row-level security): what a server runs as. */
  readonly url: string;
  /** As the tables' owner: migrations, and what a test does behind the application's back. */
  readonly ownerUrl: string;
  drop(): Promise<void>;
};

/**
 * A fresh, migrated database cloned from the run's template (see test/postgres-global-setup.ts),
 * with the runtime role's grants and the job queue's schema already in it: a server started with
 * `url` alone finds nothing to migrate.
 */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `conduit_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await admin((client) => client.query(`create database ${name} template ${inject('templateDatabase')}`));
  return {
    url: withDatabase(inject('postgresRuntimeUrl'), name),
    ownerUrl: withDatabase(inject('postgresAdminUrl'), name),
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
};

export type PostgresTestContext = Omit<PostgresAdapters, 'tenancy'> & {
  /** The adapters' tenancy, with `runIn` switching the tenant the context's statements run for. */
  readonly tenancy: { readonly tenants: TenantRepository; readonly contents: TenantContents; readonly runIn: RunInTenant };
  readonly orm: MikroORM;
  /** The scope its statements run in (the default tenant's outside any `runIn`). */
  readonly scope: RequestScope;
  readonly url: string;
  readonly ownerUrl: string;
  close(): Promise<void>;
};

/** Empties every tenant-owned table and restarts ids, and leaves the default tenant alone, between tests of one file. */
export const truncateAll = async (context: Pick<PostgresTestContext, 'ownerUrl'>): Promise<void> =>
  onDatabase(context.ownerUrl, async (client) => {
    await client.query(`truncate ${TENANT_OWNED_TABLES.map((table) => `"${table}"`).join(', ')} restart identity cascade`);
    await client.query(`delete from tenants where id <> ${DEFAULT_TENANT.id}`);
  });

/**
 * Who the adapters connect as: the runtime role, held by row-level security and by the statements'
 * own tenant predicates; or a superuser, which row-level security does not hold, so that the
 * predicates alone keep tenants apart (a newcomer's `postgres://postgres@…`).
 */
export type TestRole = 'runtime' | 'superuser';

/** The URL of `database` as `role`; a superuser's is checked to be one, or the test would prove nothing. */
export const testDatabaseUrl = async (database: TestDatabase, role: TestRole): Promise<string> => {
  if (role === 'runtime') return database.url;
  if (!(await bypassesRowSecurity(database.ownerUrl)))
    throw new Error("The test server's admin role (DATABASE_URL) must bypass row-level security (a superuser) for the superuser runs");
  return database.ownerUrl;
};

/**
 * A test database with an ORM and the PostgreSQL adapters over it, as the runtime role (or `as` a
 * superuser): every statement runs for the default tenant, or for the one `tenancy.runIn` runs work for.
 */
export const openPostgresTestContext = async (
  options: Omit<OrmOptions, 'databaseUrl'> & { readonly as?: TestRole } = {},
): Promise<PostgresTestContext> => {
  const { as = 'runtime', ...ormOptions } = options;
  const database = await createTestDatabase();
  const scope = new StoredRequestScope(new AsyncLocalStorage<ScopedWork>(), () => DEFAULT_TENANT);
  const databaseUrl = await testDatabaseUrl(database, as);
  const orm = await createOrm({ scope, ...ormOptions, databaseUrl });
  const adapters = createPostgresAdapters(orm);
  return {
    orm,
    scope,
    url: databaseUrl,
    ownerUrl: database.ownerUrl,
    ...adapters,
    tenancy: { ...adapters.tenancy, runIn: (tenant, work) => scope.run({ tenant }, work) },
    close: async () => {
      await orm.close();
      await database.drop();
    },
  };
};
