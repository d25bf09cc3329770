import { randomBytes, randomUUID } from 'node:crypto';
import { postgresProgramsForTests, type StreamingCluster, sqlOn, startStreamingCluster } from '@conduit/adapters-db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBatches, signUpAt } from './testing/sign-up.js';
import { type RunningServer, spawnServer } from './testing/spawn-server.js';

const bindir = await postgresProgramsForTests();

// Generous bounds: on a busy machine the router's checks come late and take long, and a tight bound
// would take a healthy replica out. Every verdict below waits for a state, never for a time.
const MAX_LAG_MS = 5_000;
const CHECK_TIMEOUT_MS = 10_000;
let cluster: StreamingCluster;
let server: RunningServer;

/** A metric's samples from /metrics, by their label set as written. */
const metric = async (name: string): Promise<Map<string, number>> => {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${name}\\{([^}]*)\\} (\\S+)$`).exec(line);
    if (match) samples.set(match[1] as string, Number(match[2]));
  }
  return samples;
};

const servedBy = async (replica: string) =>
  (await metric('conduit_db_replica_reads_total')).get(`replica="${replica}",outcome="served"`) ?? 0;

/** Asks again until `done` holds; a ceiling on rounds (not on time) says it never did. */
const until = async (done: () => Promise<boolean>, what: string): Promise<void> => {
  for (let round = 0; round < 1_000; round++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never: ${what}`);
};

/**
 * Pauses replay on `url` and waits until it has stopped: pg_wal_replay_pause only asks, and a replica
 * that is behind (a busy machine) goes on replaying until it next looks, moving its position on.
 */
const pauseReplay = async (url: string) => {
  await sqlOn(url, 'select pg_wal_replay_pause()');
  await until(
    async () => (await sqlOn<{ state: string }>(url, 'select pg_get_wal_replay_pause_state() as state'))[0]?.state === 'paused',
    'replay paused',
  );
};

const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Token ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
};

describe.skipIf(bindir === undefined)('reads on streaming replicas (made with pg_basebackup), against the built server', () => {
  beforeAll(async () => {
    cluster = await startStreamingCluster(bindir as string, 2);
    server = await spawnServer({
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_REPLICA_URLS: cluster.replicaUrls.join(','),
      REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
      READINESS_TIMEOUT_MS: String(CHECK_TIMEOUT_MS),
      JWT_SECRET: randomBytes(32).toString('hex'),
    });
  }, 300_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await cluster?.stop();
  });

  it('spreads anonymous reads over both replicas, once they have replayed the writes', async () => {
    const token = await signUpAt(server.baseUrl, `spread${randomUUID().slice(0, 6)}`);
    for (let i = 0; i < 5; i++)
      expect((await call('POST', '/api/articles', token, { article: { title: `Spread ${i}`, description: 'd', body: 'b' } })).status).toBe(
        201,
      );
    for (const url of cluster.replicaUrls) {
      await until(
        async () => (await sqlOn<{ n: number }>(url, 'select count(*)::int as n from articles'))[0]?.n === 5,
        'the replicas replay the articles',
      );
    }
    // Pages until each replica has served 20 of them (how many that takes depends on when the router's
    // checks run, which a busy machine delays); a ceiling of 2,000 pages says they were never spread.
    const before = [await servedBy('replica-1'), await servedBy('replica-2')];
    const served = async () => [(await servedBy('replica-1')) - (before[0] ?? 0), (await servedBy('replica-2')) - (before[1] ?? 0)];
    let pages = 0;
    for (; pages < 2_000 && (await served()).some((count) => count < 20); pages += 25) {
      const answers = await inBatches(
        Array.from({ length: 25 }, (_, i) => i),
        8,
        () => call('GET', '/api/articles?limit=3'),
      );
      for (const page of answers) expect(page).toMatchObject({ status: 200, body: { articlesCount: 5 } });
    }
    const [one, two] = await served();
    console.info(`[replicas] ${pages} anonymous pages: replica-1 served ${one} reads, replica-2 ${two}`);
    expect(one).toBeGreaterThanOrEqual(20);
    expect(two).toBeGreaterThanOrEqual(20);
  });

  it('gives a writer what it just wrote at once, every time, though no replica has replayed it', async () => {
    // Replay paused on both: within the lag bound for a moment, and without the writes that follow.
    for (const url of cluster.replicaUrls) await pauseReplay(url);
    try {
      const name = `writer${randomUUID().slice(0, 6)}`;
      const token = await signUpAt(server.baseUrl, name);
      expect((await call('GET', `/api/profiles/${name}`, token)).status).toBe(200);
      for (let i = 0; i < 10; i++) {
        const created = await call('POST', '/api/articles', token, {
          article: { title: `Mine ${i} ${name}`, description: 'd', body: 'b' },
        });
        expect(created.status).toBe(201);
        const slug = String((created.body?.article as { slug?: string } | undefined)?.slug);
        expect((await call('GET', `/api/articles/${slug}`, token)).status).toBe(200);
        expect((await call('POST', `/api/articles/${slug}/favorite`, token)).body?.article).toMatchObject({
          favorited: true,
          favoritesCount: 1,
        });
        expect((await call('GET', `/api/articles/${slug}`, token)).body?.article).toMatchObject({ favorited: true, favoritesCount: 1 });
        const mine = await call('GET', `/api/articles?author=${name}&limit=50`, token);
        expect(mine.body?.articlesCount).toBe(i + 1);
      }
    } finally {
      for (const url of cluster.replicaUrls) await sqlOn(url, 'select pg_wal_replay_resume()');
    }
  });

  it('measures the lag of a replica whose replay stopped while the primary writes, and takes it out past REPLICA_MAX_LAG_MS', async () => {
    const token = await signUpAt(server.baseUrl, `lag${randomUUID().slice(0, 6)}`);
    await pauseReplay(cluster.replicaUrls[0] as string);
    try {
      let i = 0;
      await until(async () => {
        await call('POST', '/api/articles', token, { article: { title: `Lag ${i++}`, description: 'd', body: 'b' } });
        return ((await metric('conduit_db_replica_lag_seconds')).get('replica="replica-1"') ?? 0) > MAX_LAG_MS / 1000;
      }, 'replica-1 measured behind the bound');
      const before = await servedBy('replica-1');
      const pages = await inBatches(
        Array.from({ length: 40 }, (_, n) => n),
        8,
        () => call('GET', '/api/articles?limit=1'),
      );
      for (const page of pages) expect(page.status).toBe(200);
      expect(await servedBy('replica-1')).toBe(before);
    } finally {
      await sqlOn(cluster.replicaUrls[0] as string, 'select pg_wal_replay_resume()');
    }
    await until(
      async () => ((await metric('conduit_db_replica_lag_seconds')).get('replica="replica-1"') ?? 99) < MAX_LAG_MS / 1000,
      'replica-1 caught up',
    );
  });

  it('answers every read while a replica is stopped under load, and stays ready', async () => {
    const token = await signUpAt(server.baseUrl, `load${randomUUID().slice(0, 6)}`);
    let stopped = false;
    const answers = await inBatches(
      Array.from({ length: 400 }, (_, n) => n),
      16,
      async (n) => {
        if (n === 120 && !stopped) {
          stopped = true;
          await cluster.stopReplica(1);
        }
        return (await call('GET', n % 2 === 0 ? '/api/articles?limit=5' : '/api/tags', n % 3 === 0 ? token : undefined)).status;
      },
    );
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    // Marked down by a failed read or by the next check, whichever came first.
    await until(async () => (await metric('conduit_db_replica_up')).get('replica="replica-2"') === 0, 'replica-2 marked down');
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
  });
});
