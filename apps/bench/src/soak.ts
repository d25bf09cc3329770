import autocannon from 'autocannon';
import { log, withBenchSession } from './bench-server.js';
import { CONNECTIONS, requestAt } from './measure.js';
import { type MemoryReport, memoryAfterLoadAndIdle, memoryOf } from './memory.js';
import { sqlSeededScene } from './scenes.js';
import { scalePlan } from './seed-sql.js';
import { readTargets, writeTargets } from './targets.js';

const MINUTE_MS = 60_000;

type Sample = MemoryReport & { minute: number; 'req/s': number; errors: number };

/**
 * `minutes` of mixed reads and writes at full speed (each read target and each write in turn: a
 * new article, favorite or comment in every fourth or so request) against one server on 2,000
 * articles, with its memory read before and at the end of every minute: whether anything grows
 * while it serves, rather than how much it holds after a burst.
 */
export const benchSoak = (minutes: number) =>
  withBenchSession(async (session) => {
    const { server, scene } = await sqlSeededScene(session, scalePlan(2_000), log);
    const mix = [...readTargets(scene), ...writeTargets(scene)];
    let sequence = 0;
    let answered = 0;
    let failed = 0;
    const samples: Sample[] = [{ minute: 0, 'req/s': 0, errors: 0, ...(await memoryOf(server)) }];
    log(`soaking for ${minutes} min with ${CONNECTIONS} connections over ${mix.length} kinds of request`);
    let finish: (error: Error | null) => void = () => undefined;
    const finished = new Promise<void>((resolve, reject) => {
      finish = (error) => (error ? reject(error) : resolve());
    });
    const options = { url: server.baseUrl, connections: CONNECTIONS, duration: minutes * 60 };
    const load = autocannon(
      {
        ...options,
        requests: [
          {
            setupRequest: (outgoing) => {
              const n = sequence++;
              // The `n`th request of the run picks its target from the mix.
              return { ...outgoing, ...requestAt(mix[n % mix.length] as (typeof mix)[number], n) };
            },
          },
        ],
      },
      finish,
    );
    const statuses = new Map<number, number>();
    load.on('response', (_client, statusCode) => {
      answered += 1;
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      if (statusCode >= 400) failed += 1;
    });
    load.on('reqError', () => {
      failed += 1;
    });
    const started = Date.now();
    for (let minute = 1; minute <= minutes; minute += 1) {
      // Sampled a second before each minute ends, while the load still runs.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + minute * MINUTE_MS - 1_000 - Date.now())));
      const [count, errors] = [answered, failed];
      answered = 0;
      failed = 0;
      samples.push({ minute, 'req/s': Math.round(count / (minute === 1 ? 59 : 60)), errors, ...(await memoryOf(server)) });
      log(`minute ${minute}: ${JSON.stringify(samples.at(-1))}`);
    }
    await finished;
    console.table(samples);
    log(`answers by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.table(await memoryAfterLoadAndIdle({ soaked: server }));
  });
