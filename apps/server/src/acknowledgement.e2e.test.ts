import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { inBatches, signUpAt } from './testing/sign-up.js';
import { serverForThisFile } from './testing/spawn-server.js';

// A budget that 300 writes at once outrun on any machine, so that many cross it mid-way. The
// verdict is an invariant between answers and rows, whatever share of them the machine lets through.
const target = serverForThisFile({ REQUEST_TIMEOUT_MS: '500' });

/**
 * The answer's status, or UNKNOWN for 503 WRITE_OUTCOME_UNKNOWN: a write whose commit was on its way
 * at its deadline, which may or may not have been applied (the one 503 that does not say "nothing").
 */
const UNKNOWN = -1;

const send = (method: string, path: string, body: unknown, token: string) =>
  fetch(`${target.server.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), Authorization: `Token ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then(
    async (response) => {
      const text = await response.text();
      if (response.status >= 300 && response.status !== 503) unexpected.push(`${response.status} ${text}`);
      if (response.status === 503 && (JSON.parse(text) as { code?: string }).code === 'WRITE_OUTCOME_UNKNOWN') return UNKNOWN;
      return response.status;
    },
    () => 0, // a lost connection: the client cannot know, which the invariant below must cover too
  );

const post = (path: string, body: unknown, token: string) => send('POST', path, body, token);

/** Answers other than a success and 503, with their bodies, for the failure message. */
const unexpected: string[] = [];

const savedIn = async (sql: string): Promise<Set<string>> => {
  const client = new pg.Client({ connectionString: target.database.ownerUrl });
  await client.connect();
  try {
    return new Set((await client.query<{ text: string }>(sql)).rows.map((row) => row.text));
  } finally {
    await client.end();
  }
};

/** Whatever the load: a 2xx means saved, a 5xx means nothing was applied (but WRITE_OUTCOME_UNKNOWN, which says it may have been). */
const checkAnswersAgainstRows = (kind: string, texts: readonly string[], statuses: readonly number[], saved: Set<string>) => {
  const count = (status: number) => statuses.filter((answered) => answered === status).length;
  const refusedButSaved = texts.filter((text, index) => (statuses[index] ?? 0) >= 500 && saved.has(text));
  const acknowledgedButLost = texts.filter((text, index) => (statuses[index] ?? 0) > 0 && (statuses[index] ?? 0) < 300 && !saved.has(text));
  console.info(
    `[acknowledgement] ${texts.length} ${kind}: ${statuses.filter((status) => status > 0 && status < 300).length} × 2xx, ${count(503)} × 503, ${count(UNKNOWN)} × outcome unknown, ${count(0)} lost; saved ${saved.size}; refused but saved ${refusedButSaved.length}`,
  );
  expect(unexpected).toEqual([]);
  expect(refusedButSaved).toEqual([]);
  expect(acknowledgedButLost).toEqual([]);
};

/** Sends a whole request and closes the connection at once, as a client that gives up does: 0, no answer. */
const sendAndHangUp = (url: string, headers: Record<string, string>, body: string): Promise<number> =>
  new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', headers, agent: false });
    request.on('error', () => resolve(0));
    request.on('finish', () => {
      request.destroy();
      resolve(0);
    });
    request.end(body);
  });

/** Signs up before the load, a few at a time, retrying what the short budget refused. */
const signUp = (username: string): Promise<string> => signUpAt(target.server.baseUrl, username);

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

  it('favorites, follows and the PUTs of 150 users at once: every 2xx was applied, every 503 applied nothing', async () => {
    const run = randomUUID().slice(0, 6);
    const names = Array.from({ length: 150 }, (_, index) => `u${run}x${index}`);
    const tokens = await inBatches(names, 4, signUp);
    const author = `a${run}`;
    const authorToken = await signUp(author);
    const slugs = await inBatches(
      Array.from({ length: 150 }, (_, index) => index),
      4,
      async (index) => {
        for (;;) {
          const response = await fetch(`${target.server.baseUrl}/api/articles`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Token ${authorToken}`, 'Idempotency-Key': `setup-${index}` },
            body: JSON.stringify({ article: { title: `Edit ${run} ${index}`, description: 'before', body: 'b' } }),
          });
          if (response.status === 201) return ((await response.json()).article as { slug: string }).slug;
          await response.arrayBuffer();
        }
      },
    );
    const [favorited] = slugs;

    const favoriteStatuses = await Promise.all(tokens.map((token) => post(`/api/articles/${favorited}/favorite`, undefined, token)));
    // A write answered WRITE_OUTCOME_UNKNOWN may still land after its answer: the rows are read once
    // the writes behind the answers have settled (the count and the rows agree, asked again until they do).
    const countAndRows = `select (select favorites_count from articles where slug = '${favorited}') || '/' || (select count(*) from favorites f join articles a on a.id = f.article_id where a.slug = '${favorited}') as text`;
    for (let round = 0; round < 600; round++) {
      const [agreed] = await savedIn(countAndRows);
      const [count, rows] = (agreed ?? '').split('/');
      if (count === rows && (await savedIn(countAndRows)).has(agreed ?? '')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const favoritedBy = await savedIn(
      `select u.username as text from favorites f join users u on u.id = f.user_id join articles a on a.id = f.article_id where a.slug = '${favorited}'`,
    );
    checkAnswersAgainstRows('favorites', names, favoriteStatuses, favoritedBy);
    const [counted] = await savedIn(`select favorites_count::text as text from articles where slug = '${favorited}'`);
    expect(Number(counted)).toBe(favoritedBy.size);

    const followStatuses = await Promise.all(tokens.map((token) => post(`/api/profiles/${author}/follow`, undefined, token)));
    const followers = await savedIn(
      `select u.username as text from follows f join users u on u.id = f.follower_id join users t on t.id = f.followee_id where t.username = '${author}'`,
    );
    checkAnswersAgainstRows('follows', names, followStatuses, followers);

    const bios = names.map((name) => `bio ${name} ${randomUUID()}`);
    const bioStatuses = await Promise.all(tokens.map((token, index) => send('PUT', '/api/user', { user: { bio: bios[index] } }, token)));
    checkAnswersAgainstRows(
      'PUT /api/user',
      bios,
      bioStatuses,
      await savedIn(`select bio as text from users where bio like 'bio u${run}x%'`),
    );

    const descriptions = slugs.map((slug) => `after ${slug} ${randomUUID()}`);
    const editStatuses = await Promise.all(
      slugs.map((slug, index) => send('PUT', `/api/articles/${slug}`, { article: { description: descriptions[index] } }, authorToken)),
    );
    checkAnswersAgainstRows(
      'PUT /api/articles/:slug',
      descriptions,
      editStatuses,
      await savedIn(`select description as text from articles where description like 'after %'`),
    );
  });

  it('a client that retries every 503, 409 and lost connection with its Idempotency-Key publishes each article exactly once', async () => {
    const token = await signUp(`retry${randomUUID().slice(0, 8)}`);
    const titles = Array.from({ length: 300 }, (_, index) => `Once ${index} ${randomUUID()}`);
    const outcomes = { attempts: 0, hungUp: 0, replayed: 0, refused: 0, answerLost: 0 };
    const refusals = new Map<string, number>();
    // A ceiling on attempts, far above what any load takes (each waits up to a second), so that a
    // key that never settles fails with its story instead of running into the test's time limit.
    const MAX_ATTEMPTS = 300;
    const finals = await Promise.all(
      titles.map(async (title, index) => {
        const key = randomUUID();
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          outcomes.attempts += 1;
          const body = JSON.stringify({ article: { title, description: 'd', body: 'b' } });
          const headers = { 'Content-Type': 'application/json', Authorization: `Token ${token}`, 'Idempotency-Key': key };
          // Every third client drops its connection on its first try as soon as the request is
          // sent: the write may or may not be applied, and only the key can tell.
          const answer =
            attempt === 1 && index % 3 === 0
              ? { status: await sendAndHangUp(`${target.server.baseUrl}/api/articles`, headers, body), code: undefined }
              : await fetch(`${target.server.baseUrl}/api/articles`, { method: 'POST', headers, body }).then(
                  async (response) => {
                    if (response.headers.get('Idempotent-Replayed') === 'true') outcomes.replayed += 1;
                    const text = await response.text();
                    if (response.status !== 201 && response.status !== 503 && response.status !== 409)
                      unexpected.push(`${response.status} ${text}`);
                    const code = response.status === 201 ? undefined : (JSON.parse(text) as { code?: string }).code;
                    refusals.set(`${response.status} ${code}`, (refusals.get(`${response.status} ${code}`) ?? 0) + 1);
                    return { status: response.status, code };
                  },
                  () => ({ status: 0, code: undefined }),
                );
          if (answer.status === 201) return 'published';
          // The server applied the write but could not keep its answer (it failed right after the
          // commit): it says so, and a client then reads the article instead of asking again.
          if (answer.code === 'IDEMPOTENT_ANSWER_LOST') {
            outcomes.answerLost += 1;
            return 'published';
          }
          if (answer.status === 0) outcomes.hungUp += 1;
          else outcomes.refused += 1;
          // Exponential backoff with full jitter, at most a second.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 25 * 2 ** attempt)));
        }
        return `not settled after ${MAX_ATTEMPTS} attempts: ${title}`;
      }),
    );
    const rows = await savedIn(`select title || ' ×' || count(*) as text from articles where title like 'Once %' group by title`);
    console.info(
      `[acknowledgement] 300 keyed articles: ${outcomes.attempts} attempts, ${outcomes.refused} × 503/409, ${outcomes.hungUp} hung up or lost, ${outcomes.replayed} replayed, ${outcomes.answerLost} applied with the answer lost; ${rows.size} saved`,
    );
    console.info(`[acknowledgement] keyed refusals: ${JSON.stringify(Object.fromEntries(refusals))}`);
    expect(unexpected).toEqual([]);
    expect(finals.filter((final) => final !== 'published')).toEqual([]);
    expect([...rows].filter((row) => !row.endsWith(' ×1'))).toEqual([]);
    expect(rows.size).toBe(300);
  });
});
