import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';

import { CLI, cliOnTestDatabase, ROOT } from './testing/cli-on-test-database.js';

const cli = cliOnTestDatabase();
const { conduit, tempFolder } = cli;
let database: TestDatabase;
beforeAll(() => {
  database = cli.database();
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
