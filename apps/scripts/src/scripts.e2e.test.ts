import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase } from '@conduit/adapters-db/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = (name: string) => fileURLToPath(new URL(`../dist/${name}.js`, import.meta.url));
const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('batch scripts are drivers like any other', () => {
  it('over the in-memory adapters: a blank title and an edit of someone else’s article get the domain’s refusals', async () => {
    const { stdout } = await run(process.execPath, [script('editorial-rules')]);
    expect(jsonLines(stdout)).toEqual([
      { step: 'draft with a blank title', outcome: { refused: { title: ["can't be blank"] } } },
      { step: 'jake publishes', outcome: { slug: 'rules-for-every-driver', author: 'jake' } },
      { step: "ann edits jake's article", outcome: { refused: { type: 'ArticleEditForbidden', slug: 'rules-for-every-driver' } } },
    ]);
  });

  it('against PostgreSQL: publishes a digest through the use cases, signing its author up once', async () => {
    const database = await createTestDatabase();
    try {
      const env = {
        ...process.env,
        DATABASE_URL: database.url,
        JWT_SECRET: randomBytes(32).toString('hex'),
        DIGEST_PASSWORD: 'digest passphrase',
      };
      const first = jsonLines((await run(process.execPath, [script('publish-digest')], { env })).stdout);
      const second = jsonLines((await run(process.execPath, [script('publish-digest')], { env })).stdout);
      expect(first).toEqual([{ slug: expect.stringMatching(/^digest-of-/), author: 'digest-bot', listed: 0 }]);
      expect(second).toEqual([{ slug: expect.stringMatching(/^digest-of-/), author: 'digest-bot', listed: 0 }]);
      const client = new pg.Client({ connectionString: database.ownerUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ username: string; count: number }>(
          'select u.username, count(*)::int as count from articles a join users u on u.id = a.author_id group by u.username',
        );
        expect(rows).toEqual([{ username: 'digest-bot', count: 2 }]);
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });
});
