import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@conduit/adapters-db/testing';
import { describe, expect, it } from 'vitest';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

/*
 * A stop that goes as planned is quiet: every line the server wrote, from its start to its exit, is
 * read, and none is a warning or an error, or carries a driver's object (a node-postgres client
 * dumped whole was several KB a line, with the connection's parameters).
 */

/** Some traffic first, and long enough for the job queue to poll and the tenant listener to be connected. */
const exercise = async (server: RunningServer) => {
  const body = JSON.stringify({ user: { username: 'stopper', email: 'stopper@example.com', password: 'password123' } });
  const signedUp = await fetch(`${server.baseUrl}/api/users`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  expect(signedUp.status).toBe(201);
  expect((await fetch(`${server.baseUrl}/api/articles`)).status).toBe(200);
  // pg-boss polls every second or two: its connections are in use when the stop comes (a ceiling, not a timing).
  await expect.poll(() => server.logs.length, { timeout: 10_000 }).toBeGreaterThan(2);
  await new Promise((resolve) => setTimeout(resolve, 2_500));
};

const readEveryLine = (logs: readonly string[]) => {
  const parsed = logs.map((line) => {
    expect(() => JSON.parse(line), line).not.toThrow();
    return JSON.parse(line) as { level: number; msg: string };
  });
  const loud = parsed.filter((line) => line.level >= 40).map((line) => line.msg);
  expect(loud).toEqual([]);
  expect(logs.filter((line) => line.includes('connectionParameters') || line.includes('_readableState'))).toEqual([]);
  expect(logs.filter((line) => line.length > 4_000).map((line) => line.slice(0, 200))).toEqual([]);
  // The last line says the stop ran to its end (a stop waiting for ever would end with the event loop, silently).
  expect(parsed.at(-1)?.msg).toBe('stopped');
};

describe('a planned stop logs no warning, no error and no driver internals', () => {
  it('Ctrl-C on the server with its embedded PostgreSQL (SIGINT to the whole process group, which the database hears too)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'conduit-stop-'));
    await chmod(dataDir, 0o755); // as root, PostgreSQL runs as the user `postgres`
    try {
      // spawn drops a variable set to undefined: the embedded PostgreSQL, as on a fresh machine.
      const server = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: undefined as unknown as string }, { group: true });
      await exercise(server);
      expect(await server.stop('SIGINT')).toBe(0);
      readEveryLine(server.logs);
      // Its stop ran to the end: the data folder is free again.
      expect(existsSync(join(dataDir, 'running.json'))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to the server alone, on a PostgreSQL that stays up`, async () => {
      const database = await createTestDatabase();
      try {
        const server = await spawnServer({ DATABASE_URL: database.url });
        await exercise(server);
        expect(await server.stop(signal)).toBe(0);
        readEveryLine(server.logs);
      } finally {
        await database.drop();
      }
    });
  }
});
