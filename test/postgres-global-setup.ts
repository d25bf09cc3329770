import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  createOrm,
  ensureRuntimeRole,
  grantRuntimeRole,
  grantRuntimeRoleJobQueue,
  migrateToLatest,
  PgBossJobs,
  RUNTIME_ROLE,
  startEmbeddedPostgres,
  urlAsRole,
} from '../packages/adapters-db/src/index.js';

// Unique per run, so two runs against one server do not clobber each other's template.
export const TEMPLATE_DATABASE = `conduit_test_template_${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL on the test server whose database may create and drop databases. */
    postgresAdminUrl: string;
    /** The same server as the runtime role (owns no table, held by row-level security), whose database tests swap in. */
    postgresRuntimeUrl: string;
    templateDatabase: string;
  }
}

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/**
 * One PostgreSQL for the whole run: the server named by DATABASE_URL when set, otherwise an
 * embedded one in a temporary folder. A migrated template database is made once; every test file
 * clones it (CREATE DATABASE ... TEMPLATE), which takes milliseconds and isolates files that run in
 * parallel.
 */
export default async function setup(project: TestProject) {
  let stopEmbedded = async (): Promise<void> => {};
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'conduit-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, databaseName: 'conduit_test' });
    adminUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, TEMPLATE_DATABASE);
  const orm = await createOrm({ databaseUrl: templateUrl, poolSize: 1 });
  await migrateToLatest(orm);
  await orm.close();
  // The role the servers and adapters under test run as, as in production: the template carries its
  // grants and the job queue's schema into every database cloned from it. A shared server's role
  // keeps its password (other runs use it at the same time); an embedded one gets one of its own.
  const password = process.env.DATABASE_URL ? undefined : randomBytes(18).toString('base64url');
  await ensureRuntimeRole(adminUrl, RUNTIME_ROLE, password);
  await grantRuntimeRole(templateUrl, RUNTIME_ROLE);
  await PgBossJobs.install(templateUrl);
  await grantRuntimeRoleJobQueue(templateUrl, RUNTIME_ROLE, PgBossJobs.SCHEMA);

  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresRuntimeUrl', urlAsRole(adminUrl, RUNTIME_ROLE, password));
  project.provide('templateDatabase', TEMPLATE_DATABASE);

  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await cleanup.end();
    await stopEmbedded();
  };
}
