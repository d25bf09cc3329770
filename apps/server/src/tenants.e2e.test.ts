import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from '@conduit/adapters-db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, spawnServer, workersThatAnswered } from './testing/spawn-server.js';
import { ALPHA, BETA, tenantIsolationChecks } from './testing/tenant-isolation-checks.js';

/*
 * Two publications on one built server and one database, told apart by the Host header alone, as a
 * browser on either site would send it: `alpha` at localhost, `beta` at 127.0.0.1 (so the official
 * collection, which has no Host setting, reaches beta by its URL). Tenants are added with the CLI.
 */

const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));

let database: TestDatabase;
let server: RunningServer;
// One secret for every server here, as replicas of one deployment share theirs.
const JWT_SECRET = randomBytes(32).toString('hex');
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

const conduitAs = (url: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
const conduit = (...args: string[]) => conduitAs(database.url, ...args);

const { call, signUp, keepsApart, interleave, collectionApart } = tenantIsolationChecks(() => server, agent);

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
