import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/main.js', import.meta.url));
let database: TestDatabase;

const conduit = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' });

const roleOf = async (username: string) => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ role: string; by: string }>(
    "select role, role_assigned_by as by from users where username = $1 and role_assigned_at > now() - interval '1 minute'",
    [username],
  );
  await client.end();
  return rows[0];
};

beforeAll(async () => {
  database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`insert into users (username, email, password_hash) values ('jake', 'jake@example.com', 'x')`);
  await client.end();
});
afterAll(async () => {
  await database?.drop();
});

describe('conduit users promote / demote', () => {
  it('changes the role through the use case, on the database the server uses', async () => {
    const promoted = conduit('users', 'promote', 'jake', '--operator', 'ops@example.com');
    expect(promoted.stderr).toBe('');
    expect(promoted.stdout.trim()).toMatch(/^jake is now admin \(recorded: by ops@example\.com at \d{4}-\d\d-\d\dT[\d:.]+Z\)$/);
    expect(promoted.status).toBe(0);
    expect(await roleOf('jake')).toEqual({ role: 'admin', by: 'ops@example.com' });
    expect(conduit('users', 'demote', 'jake', '--operator', 'lead@example.com').stdout.trim()).toMatch(
      /^jake is now user \(recorded: by lead@example\.com/,
    );
    expect(await roleOf('jake')).toEqual({ role: 'user', by: 'lead@example.com' });
  });

  it('fails with a clear message and exit code 1 for an unknown user', () => {
    const run = conduit('users', 'promote', 'nobody');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('no user named "nobody"');
  });

  it('explains its usage', () => {
    const help = conduit('users', '--help');
    expect(help.stdout).toContain('promote');
    expect(help.stdout).toContain('demote');
  });
});
