import autocannon from 'autocannon';
import type { RunningBenchServer } from './bench-server.js';
import { cpuBetween, postgresBackendsCpu, processTreeCpuMs } from './cpu.js';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

/**
 * One scenario: a request, or a family of them, where `path` or `token` are functions of a counter
 * (each favorite a new pair of user and article, say).
 */
export type Target = {
  readonly name: string;
  readonly method?: 'GET' | 'POST';
  readonly path: string | ((sequence: number) => string);
  readonly token?: string | ((sequence: number) => string);
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
};

export type Measurement = {
  readonly scenario: string;
  readonly variant: string;
  readonly 'req/s': number;
  /**
   * The mean latency to a hundredth of a millisecond, by Little's law (connections / throughput;
   * each connection waits for its answer before it asks again); with one connection, the time of
   * one request alone. autocannon's own latencies are whole milliseconds.
   */
  readonly 'mean ms': number;
  readonly 'p50 ms': number;
  readonly 'p99 ms': number;
  readonly 'server CPU ms/req': string;
  readonly 'PostgreSQL CPU ms/req': string;
  readonly errors: number;
};

const perRequest = (cpu: number | null, requests: number) => (cpu === null || requests === 0 ? 'n/a' : (cpu / requests).toFixed(3));

let sequence = 0;

/** The `n`th request of a target as autocannon sends it: its method, path, headers and body. */
export const requestAt = (target: Target, n: number): autocannon.Request => {
  const { path, token, body } = target;
  const bearer = typeof token === 'function' ? token(n) : token;
  return {
    method: target.method ?? 'GET',
    path: typeof path === 'string' ? path : path(n),
    headers: {
      ...(bearer ? { Authorization: `Token ${bearer}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...target.headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
};

/**
 * Load with autocannon (2 s of warm-up, then BENCH_SECONDS), with the CPU the server's processes
 * and the database's backends used meanwhile, from /proc: what a request costs, not only how fast.
 */
export const measure = async (server: RunningBenchServer, variant: string, target: Target): Promise<Measurement> => {
  const varies = typeof target.path !== 'string' || typeof target.token === 'function';
  const request = {
    ...requestAt(target, 0),
    ...(varies ? { setupRequest: (outgoing: autocannon.Request) => ({ ...outgoing, ...requestAt(target, sequence++) }) } : {}),
  };
  const options = { url: server.baseUrl, connections: CONNECTIONS, requests: [request] };
  await autocannon({ ...options, duration: 2 });
  const [serverBefore, postgresBefore] = [await processTreeCpuMs(server.pid), await postgresBackendsCpu(server.databaseUrl)];
  const result = await autocannon({ ...options, duration: SECONDS });
  const [serverAfter, postgresAfter] = [await processTreeCpuMs(server.pid), await postgresBackendsCpu(server.databaseUrl)];
  const total = result.requests.total;
  return {
    scenario: target.name,
    variant,
    'req/s': Math.round(result.requests.average),
    'mean ms': result.requests.average > 0 ? Math.round((CONNECTIONS * 100_000) / result.requests.average) / 100 : Number.NaN,
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'server CPU ms/req': perRequest(serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore, total),
    'PostgreSQL CPU ms/req': perRequest(cpuBetween(postgresBefore, postgresAfter), total),
    errors: result.errors + result.non2xx,
  };
};

/**
 * Every target (whose name contains `only`, when given) on every variant, variants alternating in order from target to target so none
 * always runs on a warmer cache: a side-by-side table from one run on one machine.
 */
export const measureSideBySide = async (
  variants: readonly { readonly name: string; readonly server: RunningBenchServer; readonly targets: readonly Target[] }[],
  log: (message: string) => void,
  only?: string,
): Promise<Measurement[]> => {
  const results: Measurement[] = [];
  const chosen = variants.map((variant) => ({
    ...variant,
    targets: variant.targets.filter((target) => only === undefined || target.name.includes(only)),
  }));
  const count = Math.max(...chosen.map((variant) => variant.targets.length));
  for (let index = 0; index < count; index += 1) {
    const order = index % 2 === 0 ? chosen : [...chosen].reverse();
    for (const variant of order) {
      const target = variant.targets[index];
      if (!target) continue;
      log(`measuring ${target.name} on ${variant.name} for ${SECONDS} s with ${CONNECTIONS} connections`);
      results.push(await measure(variant.server, variant.name, target));
    }
  }
  return results;
};
