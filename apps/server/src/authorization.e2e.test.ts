import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from '@conduit/adapters-db/testing';
import {
  createHttpTestHarness,
  documentedOperations,
  ELSEWHERE_CALLERS,
  expectedOutcome,
  MATRIX_CALLERS,
  type MatrixCaller,
  VALID_BODIES,
} from '@conduit/adapters-http/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAtHost, type HostAnswer } from './testing/host-call.js';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

/*
 * The authorization matrix (every operation of the document × every kind of caller) on the built
 * server over PostgreSQL, in the second of two publications whose first holds users of the same
 * names, an admin among them: once as the runtime role, where row-level security and the
 * statements' tenant predicates both stand, and once as a superuser, where only the predicates do.
 * The same expectations as the in-process matrix (adapters-http), which runs on the memory adapters.
 */

const CLI = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));
const FIRST = 'localhost';
const SECOND = '127.0.0.1';
const OPENAPI = '/api/openapi.json';
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

// The cases are the in-process document's; the first test checks the built server serves the same.
const operations = documentedOperations(await (await createHttpTestHarness().raw('GET', OPENAPI)).json());
const cases = operations.flatMap(({ path, method, operation }) =>
  [...MATRIX_CALLERS, ...ELSEWHERE_CALLERS].map((caller) => ({
    path,
    method,
    operation,
    caller,
    outcome: expectedOutcome(operation, caller),
  })),
);
/** A case that succeeds may change what it acts on (delete the article, end the session): it gets a world of its own. */
const worldOf = (index: number) => (cases[index]?.outcome === 'success' ? `w${index}` : 'shared');
const worlds = [...new Set(cases.map((_, index) => worldOf(index)))];
const needsExport = (world: string) =>
  cases.some((entry, index) => worldOf(index) === world && entry.operation.operationId === 'GetJobResult');

/** The users of one world: an owner, another user, an admin, and a user admins act on. */
const namesOf = (world: string) => ({ owner: `${world}o`, other: `${world}x`, admin: `${world}a`, target: `${world}t` });

const waitFor = async (what: string, check: () => Promise<boolean>) => {
  // A ceiling that only catches a hang, never a verdict on speed.
  for (let attempt = 0; attempt < 1200; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
};

/** Runs `work` on `items`, `width` at a time. */
const eachAtMost = async <T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) => {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
};

const matrixAs = (role: 'runtime' | 'superuser') =>
  describe(`authorization matrix on the built server, second publication, as the ${role} role`, () => {
    let database: TestDatabase;
    let url: string;
    let server: RunningServer;
    const tokens = new Map<string, string>();
    const exports = new Map<string, string>();
    const conduit = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    const call = (host: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<HostAnswer> =>
      callAtHost(server.baseUrl, host, method, path, { ...options, agent });
    const signUp = async (host: string, username: string) => {
      const answer = await call(host, 'POST', '/api/users', {
        body: { user: { username, email: `${username}@example.com`, password: 'password123' } },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      tokens.set(`${host}/${username}`, answer.body.user.token as string);
    };
    const token = (host: string, username: string) => tokens.get(`${host}/${username}`) as string;

    beforeAll(async () => {
      database = await createTestDatabase();
      url = role === 'superuser' ? await testDatabaseUrl(database, 'superuser') : database.url;
      for (const [slug, host] of [
        ['first', FIRST],
        ['second', SECOND],
      ] as const) {
        const added = conduit('tenants', 'add', slug, '--host', host);
        expect(added.status, added.stderr).toBe(0);
      }
      // No job runs in this server: an import stays queued, so its owner and admins may cancel it.
      server = await spawnServer({
        DATABASE_URL: url,
        JWT_SECRET: randomBytes(32).toString('hex'),
        RATE_LIMITS_ENABLED: 'false',
        JOB_WORKERS: '0',
      });
      const users = worlds.flatMap((world) => Object.values(namesOf(world)));
      await eachAtMost(users, 4, (username) => signUp(SECOND, username));
      // The first publication holds the shared world's owner and admin under the same names, its admin an admin there.
      const shared = namesOf('shared');
      for (const username of [shared.owner, shared.admin]) await signUp(FIRST, username);
      const promoted = conduit('--tenant', 'second', 'users', 'promote', ...worlds.map((world) => namesOf(world).admin));
      expect(promoted.status, promoted.stderr).toBe(0);
      expect(conduit('--tenant', 'first', 'users', 'promote', shared.admin).status).toBe(0);

      // The exports whose results are asked for, run to their end by a worker of their own.
      for (const world of worlds.filter(needsExport)) {
        const exported = await call(SECOND, 'POST', '/api/user/export', { token: token(SECOND, namesOf(world).owner) });
        expect(exported.status, JSON.stringify(exported.body)).toBe(202);
        exports.set(world, exported.body.job.id as string);
      }
      const worker: ChildProcess = spawn(process.execPath, [CLI, 'worker'], {
        env: { ...process.env, DATABASE_URL: url },
        stdio: 'ignore',
      });
      try {
        for (const [world, id] of exports) {
          await waitFor(`the export of ${world}`, async () => {
            const job = await call(SECOND, 'GET', `/api/jobs/${id}`, { token: token(SECOND, namesOf(world).owner) });
            return job.body?.job?.status === 'succeeded';
          });
        }
      } finally {
        const exited = once(worker, 'exit');
        worker.kill('SIGTERM');
        await exited;
      }
    }, 600_000);
    afterAll(async () => {
      await server?.stop('SIGKILL');
      await database?.drop();
    });

    it('serves the document the cases were made from', async () => {
      const served = documentedOperations((await call(SECOND, 'GET', OPENAPI)).body);
      const shape = (list: typeof operations) =>
        list.map(({ path, method, operation }) => `${method} ${path} ${operation.operationId} ${operation['x-auth-mode']}`).sort();
      expect(shape(served)).toEqual(shape(operations));
    });

    /** What the case's path names, in its own world: created now, so a success cannot spoil another case. */
    const targets = async (world: string, path: string) => {
      const names = namesOf(world);
      const owner = token(SECOND, names.owner);
      const values: Record<string, string> = { username: names.target, name: 'comments' };
      if (path.includes('{slug}')) {
        const article = await call(SECOND, 'POST', '/api/articles', {
          token: owner,
          body: { article: { title: `Owned ${randomBytes(4).toString('hex')}`, description: 'd', body: 'b' } },
        });
        expect(article.status, JSON.stringify(article.body)).toBe(201);
        values.slug = article.body.article.slug;
        const comment = await call(SECOND, 'POST', `/api/articles/${values.slug}/comments`, {
          token: owner,
          body: { comment: { body: 'c' } },
        });
        expect(comment.status, JSON.stringify(comment.body)).toBe(200);
        values.id = String(comment.body.comment.id);
      }
      if (path.includes('{jobId}')) {
        const job = path.endsWith('/result')
          ? { status: 202, body: { job: { id: exports.get(world) } } }
          : await call(SECOND, 'POST', '/api/articles/imports', { token: owner, body: VALID_BODIES.CreateArticleImport });
        expect(job.status, JSON.stringify(job.body)).toBe(202);
        values.jobId = job.body.job.id as string;
      }
      if (path.includes('{sessionId}')) {
        const sessions = await call(SECOND, 'GET', '/api/user/sessions', { token: owner });
        values.sessionId = sessions.body.sessions[0].id as string;
      }
      return values;
    };

    /** A body the operation accepts, with the names of the case's own world. */
    const bodyFor = (operationId: string, world: string, index: number) => {
      if (operationId === 'CreateUser')
        return { user: { username: `new${index}`, email: `new${index}@example.com`, password: 'password123' } };
      if (operationId === 'Login') return { user: { email: `${namesOf(world).owner}@example.com`, password: 'password123' } };
      return VALID_BODIES[operationId];
    };

    cases.forEach(({ path, method, operation, caller, outcome }, index) => {
      it(`${method} ${path} as ${caller} -> ${outcome}`, async () => {
        const world = worldOf(index);
        const names = namesOf(world);
        const values = await targets(world, path);
        const callers: Record<MatrixCaller, string | undefined> = {
          anonymous: undefined,
          'invalid token': 'not.a.valid-token',
          'another user': token(SECOND, names.other),
          owner: token(SECOND, names.owner),
          admin: token(SECOND, names.admin),
          'owner elsewhere': token(FIRST, names.owner),
          'admin elsewhere': token(FIRST, names.admin),
        };
        const callerToken = callers[caller];
        const answer = await call(
          SECOND,
          method,
          path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? name),
          {
            ...(callerToken ? { token: callerToken } : {}),
            body: bodyFor(operation.operationId, world, index),
          },
        );
        if (outcome === 'success') expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
        else expect([answer.status, answer.body?.status], JSON.stringify(answer.body)).toEqual([outcome, outcome]);
      });
    });
  });

matrixAs('runtime');
matrixAs('superuser');
afterAll(() => agent.destroy());
