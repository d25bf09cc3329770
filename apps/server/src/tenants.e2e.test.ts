import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from '@conduit/adapters-db/testing';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAtHost, type HostAnswer } from './testing/host-call.js';
import { type RunningServer, spawnServer, workersThatAnswered } from './testing/spawn-server.js';

/*
 * Two publications on one built server and one database, told apart by the Host header alone, as a
 * browser on either site would send it: `alpha` at localhost, `beta` at 127.0.0.1 (so the official
 * collection, which has no Host setting, reaches beta by its URL). Tenants are added with the CLI.
 */

const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));
const COLLECTION = fileURLToPath(new URL('../../../test/realworld/Conduit.postman_collection.json', import.meta.url));
const ALPHA = 'localhost';
const BETA = '127.0.0.1';

let database: TestDatabase;
let server: RunningServer;
// One secret for every server here, as replicas of one deployment share theirs.
const JWT_SECRET = randomBytes(32).toString('hex');
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

const conduitAs = (url: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
const conduit = (...args: string[]) => conduitAs(database.url, ...args);

/** One request to the server with the Host a client of `host` sends, over kept-alive connections. */
const call = (
  host: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; via?: RunningServer } = {},
): Promise<HostAnswer> => callAtHost((options.via ?? server).baseUrl, host, method, path, { ...options, agent });

const signUp = async (host: string, username: string, via?: RunningServer) => {
  const answer = await call(host, 'POST', '/api/users', {
    body: { user: { username, email: `${username}@example.com`, password: 'password123' } },
    via,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.user.token as string;
};

const publish = async (host: string, token: string, title: string, tagList: string[], via?: RunningServer) => {
  const answer = await call(host, 'POST', '/api/articles', {
    token,
    body: { article: { title, description: 'd', body: 'b', tagList } },
    via,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.article.slug as string;
};

/** An article as one tenant holds it: slugs and titles repeat across tenants, their creation instants do not. */
const fingerprint = (article: { slug: string; createdAt: string }) => `${article.slug}@${article.createdAt}`;

/** Every article `host`'s tenant holds now, as fingerprints. */
const articlesOf = async (host: string, via: RunningServer): Promise<Set<string>> => {
  const answer = await call(host, 'GET', '/api/articles?limit=100', { via });
  expect(answer.body.articlesCount).toBeLessThanOrEqual(100);
  return new Set((answer.body.articles as { slug: string; createdAt: string }[]).map(fingerprint));
};

/**
 * 2,000 requests of both tenants at once through `via` (reads of the signed-in list, a comment on
 * the tenant's own article every tenth), each by a user of the same name in both: what any answer
 * showed that is not its own tenant's, or any status but the expected one.
 */
const interleave = async (via: RunningServer, username: string): Promise<string[]> => {
  const tokens = { [ALPHA]: await signUp(ALPHA, username, via), [BETA]: await signUp(BETA, username, via) } as Record<string, string>;
  const own = { [ALPHA]: await articlesOf(ALPHA, via), [BETA]: await articlesOf(BETA, via) } as Record<string, Set<string>>;
  expect([...(own[ALPHA] as Set<string>)].filter((article) => own[BETA]?.has(article))).toEqual([]);
  const wrong: string[] = [];
  await Promise.all(
    Array.from({ length: 2000 }, async (_, index) => {
      const host = index % 3 === 0 ? BETA : ALPHA;
      if (index % 10 === 0) {
        // A write in between: a comment by the host's own user on the host's own article.
        const posted = await call(host, 'POST', '/api/articles/hello/comments', {
          token: tokens[host] as string,
          body: { comment: { body: `from ${host}` } },
          via,
        });
        if (posted.status !== 200) wrong.push(`${host}: comment ${posted.status}`);
        return;
      }
      const answer = await call(host, 'GET', '/api/articles', { token: tokens[host] as string, via });
      if (answer.status !== 200) return wrong.push(`${host}: ${answer.status}`);
      for (const article of answer.body.articles) {
        if (!own[host]?.has(fingerprint(article))) wrong.push(`${host}: saw ${fingerprint(article)}`);
      }
      return undefined;
    }),
  );
  return wrong;
};

/**
 * The same username, title and slug in two publications at `via`: each sees only its own, a token is
 * good at its own host only, equal answers carry different validators.
 */
const keepsApart = async (via: RunningServer) => {
  const alphaJake = await signUp(ALPHA, 'jake', via);
  const betaJake = await signUp(BETA, 'jake', via);
  const alphaSlug = await publish(ALPHA, alphaJake, 'Hello', ['alpha-tag'], via);
  const betaSlug = await publish(BETA, betaJake, 'Hello', ['beta-tag'], via);
  expect(alphaSlug).toBe('hello');
  expect(betaSlug).toBe('hello');
  await call(ALPHA, 'PUT', '/api/user', { token: alphaJake, body: { user: { bio: 'alpha bio' } }, via });
  // One author name, one slug in both: each publication answers with its own article.
  for (const [host, tag] of [
    [ALPHA, 'alpha-tag'],
    [BETA, 'beta-tag'],
  ] as const) {
    const byAuthor = await call(host, 'GET', '/api/articles?author=jake', { via });
    expect([byAuthor.status, byAuthor.body.articlesCount, byAuthor.body.articles?.[0]?.tagList]).toEqual([200, 1, [tag]]);
    const bySlug = await call(host, 'GET', '/api/articles/hello', { via });
    expect([bySlug.status, bySlug.body.article?.tagList]).toEqual([200, [tag]]);
    const favorited = await call(host, 'GET', '/api/articles?favorited=jake', { via });
    expect([favorited.status, favorited.body.articlesCount]).toEqual([200, 0]);
  }

  expect((await call(ALPHA, 'GET', '/api/tags', { via })).body).toEqual({ tags: ['alpha-tag'] });
  expect((await call(BETA, 'GET', '/api/tags', { via })).body).toEqual({ tags: ['beta-tag'] });
  expect((await call(ALPHA, 'GET', '/api/profiles/jake', { via })).body.profile.bio).toBe('alpha bio');
  expect((await call(BETA, 'GET', '/api/profiles/jake', { via })).body.profile.bio).toBeNull();
  const betaList = (await call(BETA, 'GET', '/api/articles', { via })).body;
  expect(betaList.articlesCount).toBe(1);
  expect(betaList.articles[0].tagList).toEqual(['beta-tag']);

  // A token is its tenant's: alpha's jake is nobody at beta.
  expect((await call(ALPHA, 'GET', '/api/user', { token: alphaJake, via })).status).toBe(200);
  const elsewhere = await call(BETA, 'GET', '/api/user', { token: alphaJake, via });
  expect(elsewhere.status).toBe(401);
  expect(elsewhere.body.code).toBe('UNAUTHENTICATED');
  expect((await call(BETA, 'DELETE', `/api/articles/${alphaSlug}`, { token: alphaJake, via })).status).toBe(401);
  expect((await call(ALPHA, 'GET', `/api/articles/${alphaSlug}`, { via })).status).toBe(200);

  // Equal answers of two tenants carry different validators.
  const [alphaTags, betaEmpty] = [
    await call(ALPHA, 'GET', '/api/articles?tag=none', { via }),
    await call(BETA, 'GET', '/api/articles?tag=none', { via }),
  ];
  expect(alphaTags.body).toEqual(betaEmpty.body);
  expect(alphaTags.headers.etag).not.toBe(betaEmpty.headers.etag);

  // A host no tenant is mapped to is the default publication's, which has none of it.
  expect((await call('elsewhere.example', 'GET', '/api/articles', { via })).body.articlesCount).toBe(0);
  // The access line is written once the answer is out: wait for it (a ceiling, not a budget).
  await expect
    .poll(() => via.logs.some((line) => line.includes('"tenant":"alpha"') && line.includes('"route":"/api/tags"')), {
      timeout: 30_000,
    })
    .toBe(true);
};

/** The whole official collection as tenant beta at `via`, against tenant alpha's seeded data (seeded by `cli`): nothing of alpha seen. */
const collectionApart = async (via: RunningServer, cli: typeof conduit) => {
  const seeded = cli('--tenant', 'alpha', 'seed', '--users', '4', '--articles', '40');
  expect(seeded.status, seeded.stderr).toBe(0);
  const alphaTags = (await call(ALPHA, 'GET', '/api/tags', { via })).body.tags as string[];
  expect(alphaTags.length).toBeGreaterThan(1);

  const suffix = randomBytes(4).toString('hex');
  const summary = await new Promise<{ run: { stats: Record<string, { total: number }>; failures: { error: { message: string } }[] } }>(
    (resolve, reject) =>
      newman.run(
        {
          collection: COLLECTION,
          envVar: [
            { key: 'APIURL', value: `http://${BETA}:${new URL(via.baseUrl).port}/api` },
            { key: 'USERNAME', value: `u${suffix}` },
            { key: 'EMAIL', value: `u${suffix}@example.com` },
            { key: 'PASSWORD', value: 'password123' },
          ],
          timeoutRequest: 60_000,
        },
        (error, result) => (error ? reject(error) : resolve(result as never)),
      ),
  );
  expect(summary.run.failures.map((failure) => failure.error.message)).toEqual([]);
  expect(summary.run.stats.assertions?.total).toBeGreaterThan(100);

  const betaArticles = (await call(BETA, 'GET', '/api/articles?limit=100', { via })).body.articles as { author: { username: string } }[];
  expect(betaArticles.filter((article) => article.author.username.startsWith('demo'))).toEqual([]);
  const betaTags = (await call(BETA, 'GET', '/api/tags', { via })).body.tags as string[];
  expect(betaTags.filter((tag) => alphaTags.includes(tag) && tag !== 'beta-tag')).toEqual([]);
  expect((await call(BETA, 'GET', '/api/profiles/demo1', { via })).status).toBe(404);
  expect((await call(ALPHA, 'GET', '/api/profiles/demo1', { via })).status).toBe(200);
};

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [slug, host] of [
    ['alpha', ALPHA],
    ['beta', BETA],
  ]) {
    const added = conduit('tenants', 'add', slug as string, '--host', host as string);
    expect(added.status, added.stderr).toBe(0);
  }
  server = await spawnServer({
    DATABASE_URL: database.url,
    JWT_SECRET,
    // A small pool, so that both tenants' statements take turns on the same connections.
    DB_POOL_SIZE: '4',
    TENANT_REFRESH_MS: '200',
    RATE_LIMITS_ENABLED: 'false',
  });
});
afterAll(async () => {
  agent.destroy();
  await server?.stop('SIGKILL');
  await database?.drop();
});

describe('tenants on the built server, by Host', () => {
  it('keeps two publications apart: same username and title in both, each sees only its own; a token is good at its own host only', async () => {
    await keepsApart(server);
  });

  it('gives each of 2,000 interleaved requests of two tenants, on kept-alive connections over a pool of 4, its own tenant’s data alone', async () => {
    expect(await interleave(server, 'mixer')).toEqual([]);
    const comments = async (host: string) => (await call(host, 'GET', '/api/articles/hello/comments')).body.comments as { body: string }[];
    expect(new Set((await comments(ALPHA)).map((comment) => comment.body))).toEqual(new Set([`from ${ALPHA}`]));
    expect(new Set((await comments(BETA)).map((comment) => comment.body))).toEqual(new Set([`from ${BETA}`]));
  });

  it("passes the whole official collection as tenant beta against tenant alpha's data, and finds nothing of alpha", async () => {
    await collectionApart(server, conduit);
  });

  it('serves a tenant added while running within TENANT_REFRESH_MS, and removes one only with --purge while it holds data', async () => {
    const added = conduit('tenants', 'add', 'gamma', '--host', 'gamma.example', '--host', '*.gamma.example');
    expect(added.stdout.trim()).toBe('added tenant gamma at *.gamma.example, gamma.example');
    expect(conduit('tenants', 'list').stdout).toContain('gamma\t*.gamma.example,gamma.example\n');
    // Until this server has read the hosts again, gamma's are the default tenant's; a ceiling, not a timing.
    const servedAsGamma = async () => {
      await call('www.gamma.example', 'GET', '/api/tags');
      return server.logs.some((line) => line.includes('"tenant":"gamma"'));
    };
    for (let attempt = 0; attempt < 600 && !(await servedAsGamma()); attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await servedAsGamma()).toBe(true);
    await signUp('www.gamma.example', 'gina');
    expect((await call('gamma.example', 'GET', '/api/profiles/gina')).status).toBe(200);
    expect((await call(ALPHA, 'GET', '/api/profiles/gina')).status).toBe(404);

    const refused = conduit('tenants', 'remove', 'gamma');
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe('tenant "gamma" still holds data: add --purge to delete it too');
    expect(conduit('tenants', 'remove', 'default').stderr.trim()).toBe('the default tenant serves every unmapped host and stays');
    const purged = conduit('tenants', 'remove', 'gamma', '--purge');
    expect(purged.status, purged.stderr).toBe(0);
    expect(purged.stdout).toMatch(/^removed tenant gamma and its \d+ rows$/m);
    expect(conduit('--tenant', 'gamma', 'export', 'articles').stderr.trim()).toBe('no tenant named "gamma" (conduit tenants list)');
  });
});

describe('inside the cluster (WEB_CONCURRENCY=2, a pool of 2 in each worker)', () => {
  let clustered: RunningServer;
  beforeAll(async () => {
    clustered = await spawnServer({
      DATABASE_URL: database.url,
      JWT_SECRET,
      WEB_CONCURRENCY: '2',
      DB_POOL_SIZE: '2',
      RATE_LIMITS_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await clustered?.stop('SIGTERM');
  });

  it('gives each of 2,000 interleaved requests of two tenants, spread over both workers, its own tenant’s data alone', async () => {
    expect(await interleave(clustered, 'clustered')).toEqual([]);
    expect(workersThatAnswered(clustered.logs).size).toBe(2);
  });
});

describe('a deployment that refuses unmapped hosts', () => {
  let strict: RunningServer;
  beforeAll(async () => {
    strict = await spawnServer({ DATABASE_URL: database.url, JWT_SECRET, TENANT_UNKNOWN_HOST: 'reject' });
  });
  afterAll(async () => {
    await strict?.stop('SIGKILL');
  });

  it('answers 421 in the error shape to a host no tenant is mapped to, and serves mapped ones', async () => {
    const response = await fetch(`${strict.baseUrl}/api/articles`);
    // fetch sends the URL's host, 127.0.0.1: beta's.
    expect(response.status).toBe(200);
    const refused = await call('nowhere.example', 'GET', '/api/articles', { via: strict });
    expect(refused.status).toBe(421);
    expect(refused.body).toMatchObject({ code: 'MISDIRECTED_REQUEST', status: 421, errors: { host: ['is not served here'] } });
    expect(typeof refused.body.requestId).toBe('string');
    // Health is the process's, whatever the host.
    expect((await fetch(`${strict.baseUrl}/livez`)).status).toBe(200);
  });
});

describe("as a superuser, whom row-level security does not hold: the statements' own tenant predicates alone", () => {
  let superuser: TestDatabase;
  let url: string;
  let bare: RunningServer;
  const cli = (...args: string[]) => conduitAs(url, ...args);
  beforeAll(async () => {
    superuser = await createTestDatabase();
    url = await testDatabaseUrl(superuser, 'superuser');
    for (const [slug, host] of [
      ['alpha', ALPHA],
      ['beta', BETA],
    ]) {
      const added = cli('tenants', 'add', slug as string, '--host', host as string);
      expect(added.status, added.stderr).toBe(0);
      // Said where the operator adding a publication reads it.
      expect(added.stderr).toContain("only the application's tenant predicates keep publications apart");
    }
    bare = await spawnServer({ DATABASE_URL: url, JWT_SECRET, DB_POOL_SIZE: '4', RATE_LIMITS_ENABLED: 'false' });
  });
  afterAll(async () => {
    await bare?.stop('SIGKILL');
    await superuser?.drop();
  });

  it('says so at start, in one line', () => {
    const warnings = bare.logs.filter((line) => line.includes('bypasses row-level security'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("only the application's tenant predicates keep publications apart");
  });

  it('keeps two publications apart: same username and title in both, each sees only its own; a token is good at its own host only', async () => {
    await keepsApart(bare);
  });

  it('gives each of 2,000 interleaved requests of two tenants, on kept-alive connections over a pool of 4, its own tenant’s data alone', async () => {
    expect(await interleave(bare, 'mixer')).toEqual([]);
  });

  it("passes the whole official collection as tenant beta against tenant alpha's data, and finds nothing of alpha", async () => {
    await collectionApart(bare, cli);
  });
});
