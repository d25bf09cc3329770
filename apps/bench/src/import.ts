import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createConduitClient, followJob } from '@conduit/client';
import autocannon from 'autocannon';
import { log, type RunningBenchServer, withBenchSession } from './bench-server.js';
import { cpuBetween, postgresBackendsCpu, processTreeCpuMs } from './cpu.js';
import { sqlSeededScene } from './scenes.js';
import { scalePlan } from './seed-sql.js';

const USAGE = `pnpm bench:import [--articles N] [--rate R]

  Imports N articles (default 100,000) through POST /api/articles/imports into a database of 2,000,
  with the server's own job worker, while GET /api/articles is read at R requests a second (default
  200, 10 connections); the same reads measured idle first, in the same run. Prints the upload and
  total times, items a second, CPU per item, and the reads' p50/p99 idle and during the import.
  DATABASE_URL: a throwaway database is made on that server; otherwise an embedded PostgreSQL.`;

/** Reads at a fixed rate, as users browsing would; `done` stops them and gives the figures. */
const readLoad = (server: RunningBenchServer, rate: number, seconds?: number) => {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      { url: `${server.baseUrl}/api/articles?limit=20`, connections: 10, overallRate: rate, duration: seconds ?? 3600 },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
  });
  return {
    done: async () => {
      if (seconds === undefined) instance?.stop();
      const outcome = await result;
      return {
        p50: outcome.latency.p50,
        p99: outcome.latency.p99,
        'req/s': Math.round(outcome.requests.average),
        errors: outcome.errors + outcome.non2xx,
      };
    },
  };
};

const cpuNow = async (server: RunningBenchServer) => ({
  server: await processTreeCpuMs(server.pid),
  postgres: await postgresBackendsCpu(server.databaseUrl),
});

const main = async () => {
  const { values } = parseArgs({
    options: { articles: { type: 'string' }, rate: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const count = Number((values.articles ?? '100000').replaceAll('_', ''));
  const rate = Number(values.rate ?? 200);
  if (!Number.isInteger(count) || count < 1 || !Number.isFinite(rate) || rate < 1)
    throw new Error('--articles and --rate must be positive numbers');

  // Unpinned: the server, its job worker, PostgreSQL and the load share the machine's cores, as in production.
  await withBenchSession(async (session) => {
    log('seeding 2,000 articles');
    const { server, scene } = await sqlSeededScene(session, scalePlan(2_000), log);
    const token = scene.writerTokens[0] as string;
    const uploader = new Worker(new URL('./upload-worker.js', import.meta.url), {
      workerData: { url: `${server.baseUrl}/api/articles/imports`, token, count },
    });
    const [{ ready }] = (await once(uploader, 'message')) as [{ ready: number }];
    log(`${count} articles: ${(ready / 1024 / 1024).toFixed(1)} MiB of NDJSON`);

    log(`reads alone: GET /api/articles at ${rate}/s for 10 s`);
    await readLoad(server, rate, 3).done();
    const idle = await readLoad(server, rate, 10).done();

    const before = await cpuNow(server);
    const reads = readLoad(server, rate);
    const started = performance.now();
    uploader.postMessage('go');
    const [response] = (await once(uploader, 'message')) as [{ status: number; location: string; text: string }];
    await uploader.terminate();
    const uploaded = performance.now() - started;
    const duringUpload = await reads.done();
    const processing = readLoad(server, rate);
    if (response.status !== 202) throw new Error(`import refused: ${response.status} ${response.text}`);
    const { location } = response;
    log(`202 after ${Math.round(uploaded)} ms; following ${location}`);
    // As a consumer would: the typed client's followJob, polling every 200 ms at the most.
    const job = await followJob(createConduitClient({ baseUrl: server.baseUrl, token }), location.split('/').at(-1) ?? '', {
      maxPollMs: 200,
    });
    const finished = performance.now() - started;
    const duringProcessing = await processing.done();
    const after = await cpuNow(server);
    const serverCpu = before.server !== null && after.server !== null ? after.server - before.server : null;
    const postgresCpu = cpuBetween(before.postgres, after.postgres);
    const perItem = (cpu: number | null) => (cpu === null ? 'n/a' : (cpu / count).toFixed(3));

    console.table([
      {
        articles: count,
        status: job.status,
        succeeded: job.succeeded,
        failed: job.failed,
        'upload (202) s': (uploaded / 1000).toFixed(1),
        'done s': (finished / 1000).toFixed(1),
        'articles/s': Math.round(count / (finished / 1000)),
        'server CPU ms/article': perItem(serverCpu),
        'PostgreSQL CPU ms/article': perItem(postgresCpu),
      },
    ]);
    console.table([
      { reads: 'idle', ...idle },
      { reads: 'during the upload', ...duringUpload, 'p99 / idle': (duringUpload.p99 / Math.max(idle.p99, 1)).toFixed(2) },
      { reads: 'while the job runs', ...duringProcessing, 'p99 / idle': (duringProcessing.p99 / Math.max(idle.p99, 1)).toFixed(2) },
    ]);
  }, false);
};

await main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
