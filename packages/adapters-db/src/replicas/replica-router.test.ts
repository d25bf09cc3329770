import type { MikroORM } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyOf } from '../kysely/database.js';
import { ReplicaRead } from '../kysely/replica-read.js';
import { createOrm, migrateToLatest, replicaConnections } from '../orm.js';
import { postgresProgramsForTests, type StreamingCluster, sqlOn, startStreamingCluster } from '../testing/streaming-replicas.js';
import { ReplicaRouter } from './replica-router.js';
import { walPosition } from './wal-position.js';

const bindir = await postgresProgramsForTests();

const MAX_LAG_MS = 1_000;
let cluster: StreamingCluster;
let orm: MikroORM;
let router: ReplicaRouter;

/** Checks until `done` holds; a ceiling on checks (not on time) says it never did. */
const checkUntil = async (done: () => boolean, write?: () => Promise<unknown>): Promise<void> => {
  for (let round = 0; round < 2_000; round++) {
    await write?.();
    await router.check();
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`not after 2000 checks: ${JSON.stringify(router.states())}`);
};

const targetName = (target: ReturnType<ReplicaRouter['target']>) =>
  target instanceof ReplicaRead ? (router.states().find((state) => target.name === state.name)?.name ?? '?') : 'primary';

const primaryPosition = async () =>
  walPosition((await sqlOn<{ lsn: string }>(cluster.primaryUrl, 'select pg_current_wal_lsn()::text as lsn'))[0]?.lsn ?? '');

describe.skipIf(bindir === undefined)('the replica router, on real streaming replication', () => {
  beforeAll(async () => {
    cluster = await startStreamingCluster(bindir as string, 2);
    orm = await createOrm({ databaseUrl: cluster.primaryUrl, replicaUrls: cluster.replicaUrls, acquireTimeoutMs: 2_000 });
    await migrateToLatest(orm);
    // Checked by hand here (check()), so that the test counts checks, not seconds.
    router = new ReplicaRouter(orm, replicaConnections(orm), { maxLagMs: MAX_LAG_MS, checkIntervalMs: 60_000, checkTimeoutMs: 5_000 });
    await router.start();
  }, 300_000);
  afterAll(async () => {
    await router?.stop();
    await orm?.close();
    await cluster?.stop();
  });

  it('measures both replicas and spreads reads across them in turn; a request that wrote reads the primary', async () => {
    await checkUntil(() => router.states().every((state) => state.up && state.lagMs !== null && state.lagMs <= MAX_LAG_MS));
    const names = Array.from({ length: 6 }, () => targetName(router.target(orm.em, undefined)));
    expect(new Set(names)).toEqual(new Set(['replica-1', 'replica-2']));
    expect(targetName(router.target(orm.em, { kind: 'primary' }))).toBe('primary');
  });

  it('sends a reader to a replica only once it has replayed the reader’s last write', async () => {
    await sqlOn(cluster.replicaUrls[0] as string, 'select pg_wal_replay_pause()');
    await sqlOn(cluster.replicaUrls[1] as string, 'select pg_wal_replay_pause()');
    await sqlOn(cluster.primaryUrl, "insert into tags (name, articles_count) values ('written', 1)");
    const written = { kind: 'position', position: await primaryPosition() } as const;
    await router.check();
    // Both replicas are within the lag bound (paused a moment ago), but neither has the write.
    for (let i = 0; i < 4; i++) expect(targetName(router.target(orm.em, written))).toBe('primary');
    await sqlOn(cluster.replicaUrls[1] as string, 'select pg_wal_replay_resume()');
    await checkUntil(() => targetName(router.target(orm.em, written)) === 'replica-2');
    const read = router.target(orm.em, written);
    const rows = await (read as ReplicaRead).execute<{ n: number }>(
      sql`select count(*)::int as n from tags where name = 'written'`.compile(kyselyOf(orm.em)),
    );
    expect(rows.rows).toEqual([{ n: 1 }]);
  });

  it('measures a replica whose replay stopped falling behind as the primary writes, skips it past the bound, and takes it back once it caught up', async () => {
    let n = 0;
    await checkUntil(
      () => (router.states()[0]?.lagMs ?? 0) > MAX_LAG_MS,
      () => sqlOn(cluster.primaryUrl, `insert into tags (name, articles_count) values ('lag-${n++}', 1)`),
    );
    for (let i = 0; i < 6; i++) expect(targetName(router.target(orm.em, undefined))).not.toBe('replica-1');
    await sqlOn(cluster.replicaUrls[0] as string, 'select pg_wal_replay_resume()');
    await checkUntil(() => (router.states()[0]?.lagMs ?? Number.POSITIVE_INFINITY) <= MAX_LAG_MS);
    const names = Array.from({ length: 6 }, () => targetName(router.target(orm.em, undefined)));
    expect(names).toContain('replica-1');
  });

  it('serves a read from the primary when its replica stops under it, and skips that replica until it answers again', async () => {
    await checkUntil(() => router.states().every((state) => state.up));
    const reads = Array.from({ length: 4 }, () => router.target(orm.em, undefined) as ReplicaRead);
    await cluster.stopReplica(1);
    const query = sql<{ n: number }>`select count(*)::int as n from tags`.compile(kyselyOf(orm.em));
    const counts = await Promise.all(reads.map((read) => read.execute<{ n: number }>(query)));
    const expected = (await sqlOn<{ n: number }>(cluster.primaryUrl, 'select count(*)::int as n from tags'))[0]?.n;
    for (const count of counts) expect(count.rows[0]?.n).toBe(expected);
    expect(router.states()[1]).toMatchObject({ name: 'replica-2', up: false });
    expect(router.states()[1]?.failures).toBeGreaterThan(0);
    for (let i = 0; i < 6; i++) expect(targetName(router.target(orm.em, undefined))).toBe('replica-1');
    await router.check();
    expect(router.states()[1]?.up).toBe(false);
  });
});
