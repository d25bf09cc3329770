import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { RawConnection } from './testing/raw-connection.js';
import { spawnServerOnTestDatabase } from './testing/spawn-server.js';

/** Reads of different weight: the list's are heavy enough that many are in flight at the signal. */
const PATHS = ['/api/articles?limit=100', '/api/tags', '/api/articles?limit=20&tag=load'];

type Outcome = {
  readonly fresh: boolean;
  readonly writtenBeforeSignal: boolean;
  readonly result: 'answered' | 'refused' | 'reset';
  readonly detail: string;
};

/**
 * One request as a load balancer's client sends it: over a keep-alive agent, or on a fresh
 * connection. "Written" is when its last byte left for the server; "refused" is a connection the
 * server never accepted (ECONNREFUSED); anything else that ends without an answer is a reset.
 */
const request = (baseUrl: string, agent: http.Agent | false, signalled: () => boolean): Promise<Outcome> =>
  new Promise((resolve) => {
    const fresh = agent === false;
    let writtenAt: boolean | undefined;
    const req = http.get(`${baseUrl}${PATHS[Math.floor(Math.random() * PATHS.length)]}`, { agent }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ fresh, writtenBeforeSignal: writtenAt ?? false, result: 'answered', detail: String(response.statusCode) }),
      );
      response.on('error', (error) => resolve({ fresh, writtenBeforeSignal: writtenAt ?? false, result: 'reset', detail: error.message }));
    });
    req.on('finish', () => {
      writtenAt = !signalled();
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        fresh,
        writtenBeforeSignal: writtenAt ?? false,
        result: error.code === 'ECONNREFUSED' ? 'refused' : 'reset',
        detail: error.code ?? error.message,
      }),
    );
  });

describe('SIGTERM under open-loop load, with the default settings', () => {
  it.each<{ processes: string; env: Record<string, string> }>([
    { processes: 'one process', env: {} },
    { processes: 'a cluster of two', env: { WEB_CONCURRENCY: '2' } },
  ])('$processes: answers every request written before the signal, and refuses (never resets) what comes after', async ({ env }) => {
    const target = await spawnServerOnTestDatabase(env);
    try {
      const signUp = await fetch(`${target.server.baseUrl}/api/users`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { username: 'loader', email: 'loader@example.com', password: 'password123' } }),
      });
      const { token } = (await signUp.json()).user as { token: string };
      for (let index = 0; index < 100; index++) {
        const created = await fetch(`${target.server.baseUrl}/api/articles`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Token ${token}` },
          body: JSON.stringify({
            article: { title: `Load ${index}`, description: 'd', body: 'b'.repeat(2000), tagList: ['load', `t${index % 7}`] },
          }),
        });
        expect(created.status).toBe(201);
      }
      const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 16 });
      let signalled = false;
      let exited: Promise<number | null> = Promise.resolve(null);
      const outcomes: Promise<Outcome>[] = [];
      // About 100 requests a second whatever the answers do (open loop): three of four over 16
      // keep-alive connections, one of four on a fresh connection; SIGTERM after 3 s, 2 s more after it.
      for (let tick = 0; tick < 500; tick++) {
        if (tick === 300) {
          // A burst just before the signal: 60 requests on fresh connections and 16 on the kept-alive ones,
          // all written before it (many still wait in the listener's queue when it comes).
          for (let burst = 0; burst < 76; burst++)
            outcomes.push(request(target.server.baseUrl, burst < 60 ? false : keepAlive, () => signalled));
          await new Promise((resolve) => setImmediate(resolve));
          exited = target.server.stop('SIGTERM');
          signalled = true;
        }
        outcomes.push(request(target.server.baseUrl, tick % 4 === 3 ? false : keepAlive, () => signalled));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const all = await Promise.all(outcomes);
      keepAlive.destroy();
      const tally = (filter: (outcome: Outcome) => boolean) => {
        const counts: Record<string, number> = {};
        for (const outcome of all.filter(filter))
          counts[`${outcome.result} ${outcome.detail}`] = (counts[`${outcome.result} ${outcome.detail}`] ?? 0) + 1;
        return counts;
      };
      console.info(
        `[shutdown-load] written before the signal: ${JSON.stringify(tally((o) => o.writtenBeforeSignal))}; after: keep-alive ${JSON.stringify(tally((o) => !o.writtenBeforeSignal && !o.fresh))}, fresh ${JSON.stringify(tally((o) => !o.writtenBeforeSignal && o.fresh))}`,
      );
      expect(all.filter((outcome) => outcome.writtenBeforeSignal && outcome.result !== 'answered')).toEqual([]);
      expect(all.filter((outcome) => outcome.result === 'reset')).toEqual([]);
      expect(await exited).toBe(0);
    } finally {
      await target.stop();
    }
  });

  it('requests pipelined on keep-alive connections at the signal are all answered, the last with Connection: close', async () => {
    const target = await spawnServerOnTestDatabase();
    try {
      const connections = await Promise.all(Array.from({ length: 8 }, () => RawConnection.open(target.server.baseUrl)));
      for (const connection of connections) {
        await connection.write('GET /api/tags HTTP/1.1\r\nHost: x\r\n\r\n');
        expect((await connection.response())?.status).toBe(200);
      }
      const exited = target.server.stop('SIGTERM');
      // Five requests at once on each open connection, as a pipelining client sends them.
      await Promise.all(connections.map((connection) => connection.write('GET /api/articles HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(5))));
      const answers = await Promise.all(
        connections.map(async (connection) => {
          const seen: string[] = [];
          for (let index = 0; index < 5; index++) {
            const answer = await connection.response(30_000);
            if (answer === null) return [...seen, `lost (${connection.error?.code ?? 'closed'})`];
            seen.push(`${answer.status}${answer.headers.connection === 'close' ? ' close' : ''}`);
          }
          return seen;
        }),
      );
      console.info(`[shutdown-load] pipelined: ${JSON.stringify(answers[0])} on each of ${answers.length} connections`);
      expect(answers).toEqual(connections.map(() => ['200', '200', '200', '200', '200 close']));
      expect(await exited).toBe(0);
    } finally {
      await target.stop();
    }
  });
});
