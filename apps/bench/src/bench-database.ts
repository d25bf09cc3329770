import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@conduit/adapters-db';
import pg from 'pg';

let opened = 0;

export type BenchDatabase = { readonly url: string; close(): Promise<void> };

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
    return { url: url.toString(), close: () => admin(`drop database if exists ${name} with (force)`) };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'conduit-bench-pg-'));
  const embedded = await startEmbeddedPostgres({ dataDir, databaseName: 'conduit_bench' });
  return {
    url: embedded.url,
    close: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
