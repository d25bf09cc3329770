import autocannon from 'autocannon';
import pg from 'pg';
import { log, withBenchServer } from './bench-server.js';
import { seed } from './seed.js';

/**
 * `pnpm bench`: starts the built server pinned to CPU 0 (when taskset exists), seeds a realistic data
 * set through the API, and measures the hot read endpoints with autocannon from this process
 * (pinned to CPU 1 with PostgreSQL). Settings: BENCH_SECONDS, BENCH_CONNECTIONS, DATABASE_URL.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

type Target = { name: string; path: string; token?: string };

const measure = async (baseUrl: string, target: Target) => {
  const options = {
    url: `${baseUrl}${target.path}`,
    connections: CONNECTIONS,
    headers: target.token ? { Authorization: `Token ${target.token}` } : {},
  };
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: SECONDS });
  return {
    endpoint: target.name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.non2xx,
  };
};

const main = () =>
  withBenchServer({}, async (server) => {
    const seeded = await seed(
      server.baseUrl,
      { users: 50, articles: 2000, tags: 25, followsPerUser: 10, favoritesPerArticle: 3 },
      log,
    );
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
    ];
    const results = [];
    for (const target of targets) {
      log(`measuring ${target.name} for ${SECONDS} s with ${CONNECTIONS} connections`);
      results.push(await measure(server.baseUrl, target));
    }
    console.table(results);
  });

await main();
