import type { TestDatabase } from '@conduit/adapters-db/testing';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOnTestDatabase } from './testing/cli-on-test-database.js';

const cli = cliOnTestDatabase();
const { conduit } = cli;
let database: TestDatabase;
beforeAll(() => {
  database = cli.database();
});

const roleOf = async (username: string) => {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  const { rows } = await client.query<{ role: string; by: string }>(
    "select role, role_assigned_by as by from users where username = $1 and role_assigned_at > now() - interval '1 minute'",
    [username],
  );
  await client.end();
  return rows[0];
};

describe('conduit migrate', () => {
  it('says that no migration was pending on a migrated database', () => {
    const migrated = conduit('migrate');
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toBe('no migrations were pending: the database is up to date\n');
  });
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

  it('changes several users at once, each on its own: the known ones change, an unknown one is named and fails the run', async () => {
    const run = conduit('users', 'promote', 'jake', 'nobody', 'jane', '--operator', 'ops@example.com');
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(' (')[0]),
    ).toEqual(['jake is now admin', 'jane is now admin']);
    expect(run.stderr.trim()).toBe('no user named "nobody"');
    expect(run.status).toBe(1);
    expect(await roleOf('jane')).toEqual({ role: 'admin', by: 'ops@example.com' });
    expect(conduit('users', 'demote', 'jake', 'jane').status).toBe(0);
  });

  it('explains its usage', () => {
    const help = conduit('users', '--help');
    expect(help.stdout).toContain('promote');
    expect(help.stdout).toContain('demote');
  });
});

describe('conduit users revoke / lock / unlock', () => {
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    try {
      // Behind the application's back, as the tables' owner, for the default tenant the commands work on.
      await client.query("select set_config('conduit.tenant', '1', false)");
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  const sessionsOf = async (username: string) =>
    (await query<{ n: string }>('select count(*) as n from sessions join users on users.id = user_id where username = $1', [username]))[0]
      ?.n;
  const addSessions = (username: string, n: number) =>
    query(
      `insert into sessions (user_id, created_at, last_seen_at, expires_at)
       select id, now(), now(), now() + interval '1 day' from users, generate_series(1, $2) where username = $1`,
      [username, n],
    );

  it('ends every session, or locks (ending them) and unlocks, recorded with the operator', async () => {
    await query(`insert into users (username, email, password_hash) values ('mallory', 'mallory@example.com', 'x')`);
    await addSessions('mallory', 3);
    const revoked = conduit('users', 'revoke', 'mallory');
    expect(revoked.stdout, revoked.stderr).toBe('mallory: 3 sessions ended\n');
    expect(await sessionsOf('mallory')).toBe('0');

    await addSessions('mallory', 2);
    const locked = conduit('users', 'lock', 'mallory', '--reason', ' spam wave ', '--operator', 'ops@example.com');
    expect(locked.status, locked.stderr).toBe(0);
    expect(locked.stdout).toMatch(
      /^mallory is locked \(recorded: by ops@example\.com at \d{4}-[\d-]+T[\d:.]+Z: spam wave\); 2 sessions ended\n$/,
    );
    expect(await sessionsOf('mallory')).toBe('0');
    const [row] = await query<{ locked_by: string; locked_reason: string }>(
      "select locked_by, locked_reason from users where username = 'mallory' and locked_at > now() - interval '1 minute'",
    );
    expect(row).toEqual({ locked_by: 'ops@example.com', locked_reason: 'spam wave' });

    expect(conduit('users', 'unlock', 'mallory').stdout).toBe('mallory is unlocked\n');
    expect((await query("select locked_at from users where username = 'mallory'"))[0]).toEqual({ locked_at: null });
  });

  it('fails with a clear message and exit code 1 for an unknown user or a blank reason', () => {
    for (const args of [
      ['revoke', 'nobody'],
      ['lock', 'nobody', '--reason', 'x'],
      ['unlock', 'nobody'],
    ]) {
      const run = conduit('users', ...args);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('no user named "nobody"\n');
    }
    const blank = conduit('users', 'lock', 'jake', '--reason', '  ');
    expect(blank.status).toBe(1);
    expect(blank.stderr).toBe("--reason can't be blank\n");
    const missing = conduit('users', 'lock', 'jake');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("required option '--reason <text>' not specified");
  });
});
