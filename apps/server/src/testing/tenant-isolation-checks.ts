import type { SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import newman from 'newman';
import { expect } from 'vitest';
import { callAtHost, type HostAnswer } from './host-call.js';
import type { RunningServer } from './spawn-server.js';

const COLLECTION = fileURLToPath(new URL('../../../../test/realworld/Conduit.postman_collection.json', import.meta.url));
/** The two publications: `alpha` at localhost, `beta` at 127.0.0.1 (the official collection reaches beta by its URL). */
export const ALPHA = 'localhost';
export const BETA = '127.0.0.1';

/**
 * The checks that two publications on one built server stay apart, whatever role the server runs as
 * (tenants.e2e.test.ts runs them as the runtime role, inside a cluster, and as a superuser):
 * requests go to `defaultServer()` unless one names another (`via`), over `agent`'s connections.
 */
export const tenantIsolationChecks = (defaultServer: () => RunningServer, agent: Agent) => {
  /** One request to the server with the Host a client of `host` sends, over kept-alive connections. */
  const call = (
    host: string,
    method: string,
    path: string,
    options: { token?: string; body?: unknown; via?: RunningServer } = {},
  ): Promise<HostAnswer> => callAtHost((options.via ?? defaultServer()).baseUrl, host, method, path, { ...options, agent });

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
  const collectionApart = async (via: RunningServer, cli: Cli) => {
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

  return { call, signUp, publish, articlesOf, interleave, keepsApart, collectionApart };
};

/** What `collectionApart` runs the CLI with. */
export type Cli = (...args: string[]) => SpawnSyncReturns<string>;
