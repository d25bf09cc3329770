import { log, withBenchServer } from './bench-server.js';

/**
 * `pnpm bench:auth`, two measurements on the built server with real argon2id (m=19 MiB, t=2, p=1):
 *
 * 1. Login timing gap: alternating logins with an unknown email and with a known email and a wrong
 *    password, one at a time; medians of each and their difference. A gap would tell an attacker
 *    which emails have accounts.
 * 2. Login burst: while BURST logins run at once, a cheap request (GET /api/tags) is timed every
 *    20 ms; its latency, compared with the same request when idle, shows whether hashing blocks the
 *    event loop.
 *
 * Rate limits are switched off for the run: they would (rightly) stop both experiments.
 * Settings: LOGIN_ATTEMPTS (default 300 of each kind), BURST (default 32), DATABASE_URL.
 */
const ATTEMPTS = Number(process.env.LOGIN_ATTEMPTS ?? 300);
const BURST = Number(process.env.BURST ?? 32);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] as number;
const round = (value: number) => Math.round(value * 100) / 100;

const main = () =>
  withBenchServer({ RATE_LIMITS_ENABLED: 'false' }, async (server) => {
    const post = (path: string, body: unknown) =>
      fetch(`${server.baseUrl}/api${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const timed = async (work: () => Promise<Response>) => {
      const started = performance.now();
      const response = await work();
      await response.arrayBuffer();
      return { ms: performance.now() - started, status: response.status };
    };
    await post('/users', { user: { username: 'victim', email: 'victim@example.com', password: 'the-right-password' } });

    log(`timing gap: ${ATTEMPTS} logins of each kind, alternating`);
    const unknown: number[] = [];
    const wrong: number[] = [];
    const bodies: Record<'unknown' | 'wrong', string[]> = { unknown: [], wrong: [] };
    for (let i = 0; i < ATTEMPTS; i++) {
      const a = await timed(() => post('/users/login', { user: { email: `nobody${i}@example.com`, password: 'the-right-password' } }));
      const b = await timed(() => post('/users/login', { user: { email: 'victim@example.com', password: `wrong-password-${i}` } }));
      if (a.status !== 401 || b.status !== 401) throw new Error(`unexpected statuses ${a.status}/${b.status}`);
      unknown.push(a.ms);
      wrong.push(b.ms);
    }
    for (const [kind, email] of [
      ['unknown', 'nobody@example.com'],
      ['wrong', 'victim@example.com'],
    ] as const) {
      const response = await post('/users/login', { user: { email, password: 'x-wrong-x' } });
      const body = (await response.json()) as Record<string, unknown>;
      bodies[kind].push(JSON.stringify({ ...body, requestId: undefined }));
    }

    log('idle latency of GET /api/tags');
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push((await timed(() => fetch(`${server.baseUrl}/api/tags`))).ms);

    log(`burst: ${BURST} concurrent logins, repeated, while GET /api/tags is timed every 20 ms`);
    const during: number[] = [];
    let logins = 0;
    let burstRunning = true;
    const burst = (async () => {
      const started = performance.now();
      while (performance.now() - started < 5000) {
        await Promise.all(
          Array.from({ length: BURST }, () =>
            timed(() => post('/users/login', { user: { email: 'victim@example.com', password: 'the-right-password' } })).then(() => {
              logins += 1;
            }),
          ),
        );
      }
      burstRunning = false;
    })();
    while (burstRunning) {
      during.push((await timed(() => fetch(`${server.baseUrl}/api/tags`))).ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await burst;

    console.table([
      { measurement: 'login, unknown email: median ms', value: round(median(unknown)) },
      { measurement: 'login, wrong password: median ms', value: round(median(wrong)) },
      { measurement: 'timing gap (wrong - unknown): ms', value: round(median(wrong) - median(unknown)) },
      { measurement: 'response bodies identical (request id aside)', value: String(bodies.unknown[0] === bodies.wrong[0]) },
      { measurement: 'GET /api/tags idle: p50 / p99 ms', value: `${round(median(idle))} / ${round(percentile(idle, 0.99))}` },
      {
        measurement: `GET /api/tags during ${BURST}-login bursts: p50 / p99 ms`,
        value: `${round(median(during))} / ${round(percentile(during, 0.99))}`,
      },
      { measurement: 'logins completed in the 5 s burst', value: logins },
    ]);
  });

await main();
