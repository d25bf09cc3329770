import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRuntimeRole, startEmbeddedPostgres, urlAsRole } from '@conduit/adapters-db';
import pg from 'pg';

let opened = 0;

/** The role the built server runs as in a benchmark, as in production: row-level security is measured. */
const BENCH_ROLE = 'conduit_bench_app';
const benchPassword = randomBytes(18).toString('base64url');

/** `url`: as the tables' owner (migrations, seeding checks); `runtimeUrl`: as the role the server runs as. */
export type BenchDatabase = { readonly url: string; readonly runtimeUrl: string; close(): Promise<void> };

/**
 * A fresh, empty database: on the server named by DATABASE_URL when set (a throwaway database is
 * created beside the named one), otherwise on an embedded PostgreSQL in a temporary folder.
 */
export const openBenchDatabase = async (): Promise<BenchDatabase> => {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `conduit_bench_${process.pid}_${opened++}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(sql);
      await client.end();
    };
    await admin(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await ensureRuntimeRole(url.toString(), BENCH_ROLE, benchPassword);
    return {
      url: url.toString(),
      runtimeUrl: urlAsRole(url.toString(), BENCH_ROLE, benchPassword),
      close: () => admin(`drop database if exists ${name} with (force)`),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'conduit-bench-pg-'));
  const embedded = await startEmbeddedPostgres({ dataDir, databaseName: 'conduit_bench' });
  await ensureRuntimeRole(embedded.url, BENCH_ROLE, benchPassword);
  return {
    url: embedded.url,
    runtimeUrl: urlAsRole(embedded.url, BENCH_ROLE, benchPassword),
    close: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
