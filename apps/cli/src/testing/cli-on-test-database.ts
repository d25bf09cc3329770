import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/** The built command line, and the checkout it is in. */
export const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * For a test file of the command line against PostgreSQL: a test database for the file with the
 * users jake and jane, dropped after it; `conduit(...)` runs the built CLI on it; temp folders are
 * removed after the file. Registers the file's hooks; call it once, at the top of the file.
 */
export const cliOnTestDatabase = () => {
  let database: TestDatabase | undefined;
  const folders: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    await client.query(
      `insert into users (tenant_id, username, email, password_hash) values (1, 'jake', 'jake@example.com', 'x'), (1, 'jane', 'jane@example.com', 'x')`,
    );
    await client.end();
  });
  afterAll(async () => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    await database?.drop();
  });
  const testDatabase = (): TestDatabase => {
    if (database === undefined) throw new Error('cliOnTestDatabase: the database is made in beforeAll');
    return database;
  };
  return {
    database: testDatabase,
    /** A folder of the system's temp directory for this file's tests, removed after them. */
    tempFolder: () => {
      const folder = mkdtempSync(join(tmpdir(), 'conduit-import-'));
      folders.push(folder);
      return folder;
    },
    conduit: (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: testDatabase().url }, encoding: 'utf8' }),
  };
};
