import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { createOrm, type OrmOptions } from '../orm.js';
import { createPostgresAdapters, type PostgresAdapters } from '../postgres-adapters.js';

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

export type TestDatabase = { readonly url: string; drop(): Promise<void> };

/** A fresh, migrated database cloned from the run's template (see test/postgres-global-setup.ts). */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `conduit_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await admin((client) => client.query(`create database ${name} template ${inject('templateDatabase')}`));
  return {
    url: withDatabase(inject('postgresAdminUrl'), name),
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
};

/** Empties every table the records map (a new record's table too) and restarts ids, between tests of one file. */
export const truncateAll = async (orm: MikroORM): Promise<void> => {
  const tables = [...orm.getMetadata().getAll().values()].map((meta) => `"${meta.tableName}"`);
  await orm.em.fork().execute(`truncate ${tables.join(', ')} restart identity cascade`);
};

export type PostgresTestContext = PostgresAdapters & { readonly orm: MikroORM; readonly url: string; close(): Promise<void> };

/** A test database with an ORM and the PostgreSQL adapters over it. */
export const openPostgresTestContext = async (options: Omit<OrmOptions, 'databaseUrl'> = {}): Promise<PostgresTestContext> => {
  const database = await createTestDatabase();
  const orm = await createOrm({ ...options, databaseUrl: database.url });
  return {
    orm,
    url: database.url,
    ...createPostgresAdapters(orm),
    close: async () => {
      await orm.close();
      await database.drop();
    },
  };
};
