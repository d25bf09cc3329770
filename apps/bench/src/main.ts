import autocannon from 'autocannon';
import pg from 'pg';
import { cpuMs, log, type RunningBenchServer, withBenchServer } from './bench-server.js';
import { seed } from './seed.js';

/**
 * `pnpm bench`: starts the built server pinned to CPU 0 (when taskset exists), seeds a realistic data
 * set through the API, and measures the hot read endpoints with autocannon from this process
 * (pinned to CPU 1 with PostgreSQL). Settings: BENCH_SECONDS, BENCH_CONNECTIONS, DATABASE_URL.
 * BENCH_BASELINE_ENV (JSON, e.g. '{"DB_CONNECTIONS_PER_ROUTE":"10000"}') and/or BENCH_BASELINE_SERVER
 * (the main.js of another build, e.g. a worktree of the previous commit) also start a second server
 * on the same data, measured target by target beside the first: a side-by-side baseline from one
 * run on one machine. Each row gives the server's CPU milliseconds per request.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

type Target = { name: string; path: string; token?: string };

const measure = async (server: RunningBenchServer, variant: string, target: Target) => {
  const options = {
    url: `${server.baseUrl}${target.path}`,
    connections: CONNECTIONS,
    headers: target.token ? { Authorization: `Token ${target.token}` } : {},
  };
  await autocannon({ ...options, duration: 2 });
  const cpuBefore = await cpuMs(server.pid);
  const result = await autocannon({ ...options, duration: SECONDS });
  const cpuAfter = await cpuMs(server.pid);
  return {
    endpoint: target.name,
    server: variant,
    'req/s': Math.round(result.requests.average),
    'CPU ms/req': cpuBefore === null || cpuAfter === null ? 'n/a' : ((cpuAfter - cpuBefore) / result.requests.total).toFixed(3),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.non2xx,
  };
};

const main = () =>
  withBenchServer({}, async (server) => {
    const seeded = await seed(server.baseUrl, { users: 50, articles: 2000, tags: 25, followsPerUser: 10, favoritesPerArticle: 3 }, log);
    // A live database has been analyzed and vacuumed by autovacuum; a just-seeded one has not yet.
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    await client.query('vacuum analyze');
    await client.end();
    const slug = seeded.slugs[Math.floor(seeded.slugs.length / 2)] as string;
    const targets: Target[] = [
      { name: 'GET /api/articles?limit=20', path: '/api/articles?limit=20' },
      { name: 'GET /api/articles?limit=20 (signed in)', path: '/api/articles?limit=20', token: seeded.readerToken },
      { name: 'GET /api/articles/feed?limit=20', path: '/api/articles/feed?limit=20', token: seeded.readerToken },
      { name: 'GET /api/articles/:slug', path: `/api/articles/${slug}` },
      { name: 'GET /api/articles?tag=tag3', path: '/api/articles?tag=tag3&limit=20' },
      { name: 'GET /api/tags', path: '/api/tags' },
    ];
    const baselineEnv = process.env.BENCH_BASELINE_ENV ? (JSON.parse(process.env.BENCH_BASELINE_ENV) as Record<string, string>) : undefined;
    const baselineServer = process.env.BENCH_BASELINE_SERVER;
    const baselineName = `baseline ${baselineServer ?? ''} ${baselineEnv ? JSON.stringify(baselineEnv) : ''}`.trim();
    const compared = Boolean(baselineEnv || baselineServer);
    const baseline = compared ? await server.startAlso(baselineEnv ?? {}, baselineServer) : undefined;
    // Side by side, both servers start fresh after the seeding: the server that seeded runs slower
    // (measured: 4-9 % fewer req/s than an identical fresh one), which would bias the comparison.
    const measured = compared ? await server.startAlso({}) : server;
    const results = [];
    for (const [index, target] of targets.entries()) {
      log(`measuring ${target.name} for ${SECONDS} s with ${CONNECTIONS} connections`);
      const current = () => measure(measured, 'current', target);
      const base = baseline ? () => measure(baseline, baselineName, target) : undefined;
      // The order alternates from target to target, so neither server always runs on a warmer cache.
      if (base && index % 2 === 1) results.push(await base(), await current());
      else results.push(await current(), ...(base ? [await base()] : []));
    }
    console.table(results);
  });

await main();
