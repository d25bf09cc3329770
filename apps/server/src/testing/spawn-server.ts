import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, outageProxy, type TestDatabase } from '@conduit/adapters-db/testing';
import { afterAll, beforeAll } from 'vitest';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export type RunningServer = {
  readonly baseUrl: string;
  readonly process: ChildProcess;
  readonly logs: string[];
  /** Sends the signal (to its whole process group when it has one) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Starts the built server (`pnpm build` first) as a child process on a free port. With `group`, in a
 * process group of its own, as a terminal runs it: `stop` then signals the group, as Ctrl-C does,
 * so an embedded database it started hears the signal too.
 */
export const spawnServer = async (env: Record<string, string>, options: { readonly group?: boolean } = {}): Promise<RunningServer> => {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.group === true,
  });
  const logs: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('\n')}`)), 90_000);
    // Whole lines: a pipe's chunk may end in the middle of one when the server writes fast.
    const onLine = (line: string) => {
      if (!line) return;
      logs.push(line);
      const match = /"port":(\d+).*"msg":"listening"/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    for (const stream of [child.stdout, child.stderr])
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${logs.join('\n')}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    process: child,
    logs,
    stop: async (signal = 'SIGTERM') => {
      // Already gone (exited, or killed by a signal, when exitCode stays null).
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      // 'close', not 'exit': the last lines it wrote are in `logs` by then.
      const exited = once(child, 'close');
      if (options.group === true && child.pid !== undefined) process.kill(-child.pid, signal);
      else child.kill(signal);
      const [code] = await exited;
      return code as number | null;
    },
  };
};

/** The cluster workers (WEB_CONCURRENCY) whose access lines are in `logs`: which of them answered. */
export const workersThatAnswered = (logs: readonly string[]): Set<string> =>
  new Set(logs.flatMap((line) => /"worker":(\d+),"requestId"/.exec(line)?.[1] ?? []));

export type ServerOnTestDatabase = { readonly server: RunningServer; readonly database: TestDatabase; stop(): Promise<void> };

/** A fresh test database and the built server on it, with a random JWT secret; `stop` ends both. */
export const spawnServerOnTestDatabase = async (env: Record<string, string> = {}): Promise<ServerOnTestDatabase> => {
  const database = await createTestDatabase();
  const server = await spawnServer({ DATABASE_URL: database.url, JWT_SECRET: randomBytes(32).toString('hex'), ...env });
  return {
    server,
    database,
    stop: async () => {
      await server.stop('SIGKILL');
      await database.drop();
    },
  };
};

/** One server on its own database for the test file: started before its tests, stopped after. */
export const serverForThisFile = (env: Record<string, string> = {}) => {
  let running: ServerOnTestDatabase | undefined;
  beforeAll(async () => {
    running = await spawnServerOnTestDatabase(env);
  });
  afterAll(async () => {
    await running?.stop();
  });
  const started = () => {
    if (running === undefined) throw new Error('the server starts in beforeAll');
    return running;
  };
  return {
    get server() {
      return started().server;
    },
    get database() {
      return started().database;
    },
  };
};

export type ServerBehindProxy = ServerOnTestDatabase & { readonly proxy: Awaited<ReturnType<typeof outageProxy>> };

/** A fresh test database, a proxy in front of it the test can cut or freeze, and the built server through the proxy. */
export const spawnServerBehindProxy = async (env: Record<string, string> = {}): Promise<ServerBehindProxy> => {
  const database = await createTestDatabase();
  const proxy = await outageProxy(new URL(database.url));
  const server = await spawnServer({ DATABASE_URL: proxy.via(database.url), JWT_SECRET: randomBytes(32).toString('hex'), ...env });
  return {
    server,
    database,
    proxy,
    stop: async () => {
      proxy.thaw();
      await server.stop('SIGKILL');
      await proxy.cut();
      await database.drop();
    },
  };
};
