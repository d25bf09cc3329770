import { parseArgs } from 'node:util';
import pg from 'pg';
import { log, type RunningBenchServer, withBenchSession } from './bench-server.js';
import { benchHot } from './hot.js';
import { CONNECTIONS, type Measurement, measureSideBySide, SECONDS } from './measure.js';
import { memoryAfterLoadAndIdle } from './memory.js';
import { sqlSeededScene } from './scenes.js';
import { seed } from './seed.js';
import { scalePlan } from './seed-sql.js';
import { benchSoak } from './soak.js';
import { deepCursorTarget, deepPageTarget, mcpTargets, readTargets, type Scene, writeTargets } from './targets.js';

const USAGE = `pnpm bench [--articles N] [--workers N] [--tags N] [--hot N] [--soak MINUTES]

  (no option)    2,000 articles seeded through the API; the hot reads and the writes. With
                 BENCH_BASELINE_SERVER (another build's main.js), BENCH_BASELINE_ENV (JSON of
                 settings) and/or BENCH_BASELINE_NODE_FLAGS (its node flags, space-separated, empty
                 for none), a second server on the same data, measured side by side.
  --articles N   2,000 articles against N articles a minute apart and N in bulk (one day), seeded by
                 set-based SQL, same shape otherwise, side by side; adds deep pages by offset and cursor.
  --workers N    WEB_CONCURRENCY=1 against WEB_CONCURRENCY=N, side by side, unpinned, on 2,000
                 articles (or --articles N of them).
  --tags N       GET /api/tags with 100 tags against N distinct tags, side by side, with the size
                 of the answer.
  --hot N        N users favorite one article at once, then unfavorite it, with production's
                 budgets, while 0, one per core and two per core other processes spin: the answers
                 (200/503/other) and whether the count is exact; beside BENCH_BASELINE_SERVER.
  --soak M      M minutes of mixed reads and writes (every read scenario and every write in turn)
                 at full speed against one server on 2,000 articles: its memory (resident, V8 heap,
                 the rest) at the end of each minute, then after the idle pause.
  --only TEXT    only the scenarios whose name contains TEXT (e.g. "GET /api/tags").

Settings: BENCH_SECONDS (${SECONDS}), BENCH_CONNECTIONS (${CONNECTIONS}), BENCH_BASELINE_ROLE=runtime (the
baseline build runs as the runtime role too, not as the owner), DATABASE_URL (a throwaway
database is made on that server; otherwise an embedded PostgreSQL). Each row gives req/s, p50/p99
latency, and the CPU milliseconds per request of the server's processes and of PostgreSQL's
backends, read from /proc. Then each server's memory (resident, V8 heap, the rest) after the load
and again after BENCH_IDLE_SECONDS (30) at rest.`;

const SMALL = 2_000;

/** A row per scenario: each variant's figures beside the first's, and their ratio. */
const compare = (results: readonly Measurement[], first: string, second: string) =>
  [...new Set(results.map((row) => row.scenario))].map((scenario) => {
    const a = results.find((row) => row.scenario === scenario && row.variant === first);
    const b = results.find((row) => row.scenario === scenario && row.variant === second);
    return {
      scenario,
      [`${first} req/s`]: a?.['req/s'],
      [`${second} req/s`]: b?.['req/s'],
      'req/s ratio': a && b ? (b['req/s'] / a['req/s']).toFixed(2) : 'n/a',
      [`${first} p50`]: a?.['p50 ms'],
      [`${second} p50`]: b?.['p50 ms'],
      'p50 ratio': a && b && a['p50 ms'] > 0 ? (b['p50 ms'] / a['p50 ms']).toFixed(2) : 'n/a',
      'mean ms': `${a?.['mean ms']} → ${b?.['mean ms']}`,
      'server CPU ms/req': `${a?.['server CPU ms/req']} → ${b?.['server CPU ms/req']}`,
      'PostgreSQL CPU ms/req': `${a?.['PostgreSQL CPU ms/req']} → ${b?.['PostgreSQL CPU ms/req']}`,
      errors: (a?.errors ?? 0) + (b?.errors ?? 0),
    };
  });

/**
 * 2,000 articles against `articles` a minute apart and `articles` in bulk (one day), same shape
 * otherwise, same build, measured alternately.
 */
const benchScale = (articles: number, only?: string) =>
  withBenchSession(async (session) => {
    const variants = [];
    const plans = [
      { name: `${SMALL} articles`, plan: scalePlan(SMALL) },
      { name: `${articles} articles`, plan: scalePlan(articles) },
      { name: `${articles} in bulk`, plan: scalePlan(articles, 'bulk') },
    ];
    for (const { name, plan } of plans) {
      log(`seeding ${name}`);
      const { server, scene } = await sqlSeededScene(session, plan, log);
      const deep = [deepPageTarget, await deepCursorTarget(server.baseUrl)];
      variants.push({ name, server, targets: [...readTargets(scene), ...deep, ...writeTargets(scene)] });
    }
    const results = await measureSideBySide(variants, log, only);
    console.table(results);
    console.table(compare(results, `${SMALL} articles`, `${articles} articles`));
    console.table(compare(results, `${articles} articles`, `${articles} in bulk`));
  });

/** One process against N on the same data, neither pinned: what the cores give. */
const benchWorkers = (workers: number, articles: number, only?: string) =>
  withBenchSession(async (session) => {
    log(`seeding ${articles} articles`);
    const { server: one, scene, databaseUrl } = await sqlSeededScene(session, scalePlan(articles), log);
    const many = await session.server(databaseUrl, { env: { WEB_CONCURRENCY: String(workers) } });
    const targets = [...readTargets(scene), ...writeTargets(scene).slice(0, 1)];
    const names = ['1 process', `${workers} workers`] as const;
    const results = await measureSideBySide(
      [
        { name: names[0], server: one, targets },
        { name: names[1], server: many, targets },
      ],
      log,
      only,
    );
    console.table(results);
    console.table(compare(results, names[0], names[1]));
  }, false);

/**
 * GET /api/tags with the usual 100 tags against `tags` distinct ones (as many articles, each adding
 * its own tag), side by side; with the size of each answer.
 */
const benchTags = (tags: number) =>
  withBenchSession(async (session) => {
    const variants = [];
    for (const count of [100, tags]) {
      log(`seeding ${count} tags`);
      const { server } = await sqlSeededScene(session, { ...scalePlan(Math.max(SMALL, count)), tags: count }, log);
      const answer = await fetch(`${server.baseUrl}/api/tags`);
      const body = await answer.arrayBuffer();
      const listed = (JSON.parse(new TextDecoder().decode(body)) as { tags: string[] }).tags.length;
      log(`${count} tags: GET /api/tags lists ${listed} tags in ${body.byteLength} bytes (ETag ${answer.headers.get('etag')})`);
      variants.push({ name: `${count} tags`, server, targets: [{ name: `GET /api/tags (${body.byteLength} bytes)`, path: '/api/tags' }] });
    }
    const results = await measureSideBySide(variants, log);
    console.table(results);
  });

/** The data written through the API on `server`'s database, and the scene the targets read it by. */
const seedScene = async (server: RunningBenchServer): Promise<Scene> => {
  const seeded = await seed(server.baseUrl, { users: 50, articles: SMALL, tags: 25, followsPerUser: 10, favoritesPerArticle: 3 }, log);
  // A live database has been analyzed and vacuumed by autovacuum; a just-seeded one has not yet.
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  await client.query('vacuum analyze');
  await client.end();
  return {
    slugs: (k) => seeded.slugs[(k - 1) % seeded.slugs.length] as string,
    articleCount: seeded.slugs.length,
    someAuthor: 'bench7',
    someTag: 'tag3',
    readerToken: seeded.readerToken,
    writerTokens: seeded.tokens.slice(1, 21),
  };
};

const targetsOf = (scene: Scene) => [...readTargets(scene), ...writeTargets(scene), ...mcpTargets(scene)];

/**
 * The default: data written through the API, the reads and writes, optionally beside a baseline:
 * other settings of this build on the same database (BENCH_BASELINE_ENV), or another build
 * (BENCH_BASELINE_SERVER) on a database of its own, seeded alike (a build's schema is its own).
 */
const benchDefault = (only?: string) =>
  withBenchSession(async (session) => {
    const databaseUrl = await session.database();
    const seeding = await session.server(databaseUrl);
    const scene = await seedScene(seeding);
    const baselineEnv = process.env.BENCH_BASELINE_ENV ? (JSON.parse(process.env.BENCH_BASELINE_ENV) as Record<string, string>) : undefined;
    const baselineServer = process.env.BENCH_BASELINE_SERVER;
    // Other node flags for the baseline (space-separated; empty for none): V8's own settings.
    const baselineFlags = process.env.BENCH_BASELINE_NODE_FLAGS?.split(' ').filter((flag) => flag !== '');
    if (!baselineEnv && !baselineServer && !baselineFlags) {
      console.table(await measureSideBySide([{ name: 'current', server: seeding, targets: targetsOf(scene) }], log, only));
      console.table(await memoryAfterLoadAndIdle({ current: seeding }));
      return;
    }
    const baselineName =
      `baseline ${baselineServer ?? ''} ${baselineEnv ? JSON.stringify(baselineEnv) : ''} ${baselineFlags ? `node ${baselineFlags.join(' ')}` : ''}`.trim();
    const build = { ...(baselineServer ? { main: baselineServer } : {}), ...(baselineFlags ? { nodeFlags: baselineFlags } : {}) };
    const baselineDatabase = baselineServer ? await session.database() : databaseUrl;
    const baselineSeeding = baselineServer ? await session.server(baselineDatabase, build) : undefined;
    const baselineScene = baselineSeeding ? await seedScene(baselineSeeding) : scene;
    // Idle, the seeding servers would still poll for jobs on the measured CPU.
    await seeding.stop();
    await baselineSeeding?.stop();
    // Side by side, both servers start fresh after the seeding: the server that seeded runs slower
    // (measured: 4-9 % fewer req/s than an identical fresh one), which would bias the comparison.
    const baseline = await session.server(baselineDatabase, { env: baselineEnv ?? {}, ...build });
    const current = await session.server(databaseUrl);
    const results = await measureSideBySide(
      [
        { name: 'current', server: current, targets: targetsOf(scene) },
        { name: baselineName, server: baseline, targets: targetsOf(baselineScene) },
      ],
      log,
      only,
    );
    console.table(results);
    console.table(compare(results, baselineName, 'current'));
    // After the same load, both fresh: where each server's memory is, and what it gives back at rest.
    console.table(await memoryAfterLoadAndIdle({ current, [baselineName]: baseline }));
  });

const positive = (text: string | undefined, name: string): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, not "${text}"`);
  return value;
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      workers: { type: 'string' },
      tags: { type: 'string' },
      hot: { type: 'string' },
      soak: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const articles = positive(values.articles, 'articles');
  const workers = positive(values.workers, 'workers');
  const tags = positive(values.tags, 'tags');
  const hot = positive(values.hot, 'hot');
  const soak = positive(values.soak, 'soak');
  if (soak !== undefined) return benchSoak(soak);
  if (hot !== undefined) return benchHot(hot);
  if (tags !== undefined) return benchTags(tags);
  if (workers !== undefined) return benchWorkers(workers, articles ?? SMALL, values.only);
  if (articles !== undefined) return benchScale(articles, values.only);
  return benchDefault(values.only);
};

await main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
