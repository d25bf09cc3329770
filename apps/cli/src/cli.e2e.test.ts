import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let database: TestDatabase;

/** A folder of the system's temp directory for this file's tests, removed after them. */
const folders: string[] = [];
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'conduit-import-'));
  folders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const conduit = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' });

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
  await database?.drop();
});

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

describe('conduit import / export articles', () => {
  const run = (url: string, ...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  const contentOf = (ndjson: string) =>
    ndjson
      .trim()
      .split('\n')
      .map((line) => JSON.stringify((JSON.parse(line) as { article: unknown }).article))
      .sort();

  it('imports through the article rules, reports refused items, and round-trips into an empty database', async () => {
    const folder = tempFolder();
    const input = join(folder, 'articles.ndjson');
    const lines = Array.from({ length: 600 }, (_, i) =>
      i === 10
        ? '{broken'
        : JSON.stringify({
            article: {
              title: i === 20 ? ' ' : `Post ${i % 300}`,
              description: `About ${i}`,
              body: `Text ${i}`,
              tagList: [`t${i % 4}`, 'shared'],
            },
          }),
    );
    writeFileSync(input, `${lines.join('\n')}\n\n`);

    const imported = conduit('import', 'articles', input, '--as', 'jake');
    expect(imported.stdout.trim()).toBe(`imported 598 of 600 articles as jake; 2 failed (see ${input}.errors.ndjson)`);
    expect(imported.status).toBe(1);
    expect(
      readFileSync(`${input}.errors.ndjson`, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { item: 11, errors: { item: ['is not valid JSON'] } },
      { item: 21, errors: { title: ["can't be blank"] } },
    ]);

    const exported = conduit('export', 'articles', '--author', 'jake');
    expect(exported.status).toBe(0);
    expect(exported.stderr.trim()).toBe('exported 598 articles');
    const file = join(folder, 'export.ndjson');
    writeFileSync(file, exported.stdout);

    const empty = await createTestDatabase();
    try {
      const client = new pg.Client({ connectionString: empty.ownerUrl });
      await client.connect();
      await client.query(`insert into users (tenant_id, username, email, password_hash) values (1, 'anna', 'anna@example.com', 'x')`);
      await client.end();
      const again = run(empty.url, 'import', 'articles', file, '--as', 'anna');
      expect(again.stdout.trim()).toBe('imported 598 of 598 articles as anna');
      expect(again.status).toBe(0);
      const roundTrip = run(empty.url, 'export', 'articles', '--out', join(folder, 'again.ndjson'));
      expect(roundTrip.status).toBe(0);
      expect(contentOf(readFileSync(join(folder, 'again.ndjson'), 'utf8'))).toEqual(contentOf(exported.stdout));
    } finally {
      await empty.drop();
    }
    expect(conduit('export', 'articles', '--tag', 't1').stderr.trim()).toBe('exported 150 articles');
  });

  it('with --item-authors, puts each line under the existing user it names', () => {
    const folder = tempFolder();
    const input = join(folder, 'authored.ndjson');
    const article = { title: 'Moved here', description: 'd', body: 'b', tagList: [] };
    writeFileSync(input, `${JSON.stringify({ article, author: 'jake' })}\n${JSON.stringify({ article, author: 'ghost' })}\n`);
    const imported = conduit('import', 'articles', input, '--as', 'jake', '--item-authors');
    expect(imported.stdout.trim()).toBe(`imported 1 of 2 articles by jake (1); 1 failed (see ${input}.errors.ndjson)`);
    expect(JSON.parse(readFileSync(`${input}.errors.ndjson`, 'utf8'))).toEqual({ item: 2, errors: { author: ['is not a user here'] } });
  });

  it('with --item-authors and no --as, every line must name its author', () => {
    const input = join(tempFolder(), 'authored.ndjson');
    const article = { title: 'Named or not', description: 'd', body: 'b', tagList: [] };
    writeFileSync(input, `${JSON.stringify({ article, author: 'jake' })}\n${JSON.stringify({ article })}\n`);
    const imported = conduit('import', 'articles', input, '--item-authors');
    expect(imported.stdout.trim()).toBe(`imported 1 of 2 articles by jake (1); 1 failed (see ${input}.errors.ndjson)`);
    expect(JSON.parse(readFileSync(`${input}.errors.ndjson`, 'utf8'))).toEqual({ item: 2, errors: { author: ["can't be blank"] } });
    const neither = conduit('import', 'articles', input);
    expect(neither.status).toBe(1);
    expect(neither.stderr).toContain('--as <username>, or --item-authors');
  });

  it("through the README's `pnpm conduit`, standard output is only the export: byte for byte what the CLI writes", () => {
    const pnpm = process.env.npm_execpath;
    if (pnpm === undefined) throw new Error('run the tests through pnpm (npm_execpath names it)');
    // pnpm is a native program, or a script for Node where no binary is published for the platform.
    const [command, ...prefix] = /\.[cm]?js$/.test(pnpm) ? [process.execPath, pnpm] : [pnpm];
    const viaPnpm = spawnSync(command as string, [...prefix, 'conduit', 'export', 'articles', '--author', 'jake'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    expect(viaPnpm.status, viaPnpm.stderr).toBe(0);
    const direct = conduit('export', 'articles', '--author', 'jake');
    expect(viaPnpm.stdout.length).toBeGreaterThan(0);
    expect(viaPnpm.stdout).toBe(direct.stdout);
  });

  it('fails in one line, exit 1, for an unknown author or a missing file', () => {
    const unknown = conduit('import', 'articles', '-', '--as', 'nobody');
    expect(unknown.stderr.trim()).toBe('no user named "nobody"');
    expect(unknown.status).toBe(1);
    const missing = conduit('import', 'articles', '/nonexistent/articles.ndjson', '--as', 'jake');
    expect(missing.stderr.trim()).toBe('cannot read /nonexistent/articles.ndjson: no such file');
    expect(missing.status).toBe(1);
  });
});

describe('conduit seed', () => {
  it('makes the same demo data for the same seed, through the use cases', async () => {
    const databases = [await createTestDatabase(), await createTestDatabase()];
    try {
      const exports = [];
      for (const database of databases) {
        const seeded = spawnSync(process.execPath, [CLI, 'seed', '--users', '3', '--articles', '30', '--seed', '5'], {
          env: { ...process.env, DATABASE_URL: database.url },
          encoding: 'utf8',
        });
        expect(seeded.status).toBe(0);
        expect(seeded.stdout.trim()).toMatch(
          /^seeded 3 users \(password "conduit-demo"\), 30 articles, 6 follows, 15 favorites, 15 comments in [\d.]+ s$/,
        );
        const exported = spawnSync(process.execPath, [CLI, 'export', 'articles'], {
          env: { ...process.env, DATABASE_URL: database.url },
          encoding: 'utf8',
        });
        // The same articles; two authors are imported at a time, so their order of creation may differ.
        exports.push(
          exported.stdout
            .split('\n')
            .map((line) => line.replace(/"createdAt":"[^"]+"/, ''))
            .sort(),
        );
      }
      expect(exports[0]).toHaveLength(31);
      expect(exports[1]).toEqual(exports[0]);

      // A second run would add a second copy: refused, saying what exists, unless asked for.
      const env = { ...process.env, DATABASE_URL: databases[0]?.url };
      const twice = spawnSync(process.execPath, [CLI, 'seed', '--users', '3', '--articles', '30'], { env, encoding: 'utf8' });
      expect(twice.status).toBe(1);
      expect(twice.stderr.trim()).toBe(
        'demo data exists already: 3 of the users demo1…demo3 have 30 articles; nothing was added (--again adds another copy)',
      );
      const again = spawnSync(process.execPath, [CLI, 'seed', '--users', '3', '--articles', '30', '--again'], { env, encoding: 'utf8' });
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/^seeded 3 users .*, 30 articles,/);
    } finally {
      for (const database of databases) await database.drop();
    }
  });
});
