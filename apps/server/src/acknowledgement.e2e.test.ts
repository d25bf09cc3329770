import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { serverForThisFile } from './testing/spawn-server.js';

// A budget that 300 writes at once outrun on any machine, so that many cross it mid-way. The
// verdict is an invariant between answers and rows, whatever share of them the machine lets through.
const target = serverForThisFile({ REQUEST_TIMEOUT_MS: '500' });

const post = (path: string, body: unknown, token: string) =>
  fetch(`${target.server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Token ${token}` },
    body: JSON.stringify(body),
  }).then(
    async (response) => {
      if (response.status >= 300 && response.status !== 503) unexpected.push(`${response.status} ${await response.text()}`);
      return response.status;
    },
    () => 0, // a lost connection: the client cannot know, which the invariant below must cover too
  );

/** Answers other than a success and 503, with their bodies, for the failure message. */
const unexpected: string[] = [];

const savedIn = async (sql: string): Promise<Set<string>> => {
  const client = new pg.Client({ connectionString: target.database.url });
  await client.connect();
  try {
    return new Set((await client.query<{ text: string }>(sql)).rows.map((row) => row.text));
  } finally {
    await client.end();
  }
};

/** Whatever the load: a 2xx means saved, a 5xx means nothing was applied. */
const checkAnswersAgainstRows = (kind: string, texts: readonly string[], statuses: readonly number[], saved: Set<string>) => {
  const count = (status: number) => statuses.filter((answered) => answered === status).length;
  const refusedButSaved = texts.filter((text, index) => (statuses[index] ?? 0) >= 500 && saved.has(text));
  const acknowledgedButLost = texts.filter((text, index) => (statuses[index] ?? 0) < 300 && !saved.has(text));
  console.info(
    `[acknowledgement] ${texts.length} ${kind}: ${statuses.filter((status) => status > 0 && status < 300).length} × 2xx, ${count(503)} × 503, ${count(0)} lost; saved ${saved.size}; refused but saved ${refusedButSaved.length}`,
  );
  expect(unexpected).toEqual([]);
  expect(refusedButSaved).toEqual([]);
  expect(acknowledgedButLost).toEqual([]);
};

describe('an answer never contradicts the database', () => {
  it('300 articles and 300 comments posted at once: every saved one was answered 2xx, every 503 left nothing', async () => {
    const username = `ack${randomUUID().slice(0, 8)}`;
    const signUp = await fetch(`${target.server.baseUrl}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { username, email: `${username}@example.com`, password: 'password123' } }),
    });
    const { token } = (await signUp.json()).user as { token: string };
    // The article the comments go to, made before the load.
    const first = await post('/api/articles', { article: { title: `Comments ${username}`, description: 'd', body: 'b' } }, token);
    expect(first).toBe(201);

    const titles = Array.from({ length: 300 }, (_, index) => `Ack ${index} ${randomUUID()}`);
    const articleStatuses = await Promise.all(
      titles.map((title) => post('/api/articles', { article: { title, description: 'd', body: 'b', tagList: ['ack'] } }, token)),
    );
    checkAnswersAgainstRows('articles', titles, articleStatuses, await savedIn('select title as text from articles'));

    const slug = `comments-${username}`;
    const bodies = Array.from({ length: 300 }, (_, index) => `Comment ${index} ${randomUUID()}`);
    const commentStatuses = await Promise.all(bodies.map((body) => post(`/api/articles/${slug}/comments`, { comment: { body } }, token)));
    checkAnswersAgainstRows('comments', bodies, commentStatuses, await savedIn('select body as text from comments'));
  });
});
