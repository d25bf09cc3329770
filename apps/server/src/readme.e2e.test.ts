import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The README is the front door: every command block in it runs as written, in order, the way a
 * newcomer would paste them, on a data folder of the test's own (no DATABASE_URL: the embedded
 * PostgreSQL, as on a fresh machine). The one liberty taken: the server gets PORT=0, and the blocks
 * that call it are pointed at the port it picked instead of 3000.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => (match[1] ?? '').trim());
const isStart = (block: string) => / start$/.test(block);
const isTest = (block: string) => / test$/.test(block);

type Run = { status: number | null; stdout: string; stderr: string };

const collect = (child: ChildProcess, onLine?: (line: string) => void): Promise<Run> => {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk;
    for (const line of chunk.toString().split('\n')) onLine?.(line);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  // 'close', not 'exit': the streams end only when every process holding them (pnpm's Node too) has exited.
  return once(child, 'close').then(([status]) => ({ status: status as number | null, stdout, stderr }));
};

const dataDir = mkdtempSync(join(tmpdir(), 'conduit-readme-'));
// As root the embedded PostgreSQL runs as the user `postgres`, who must be able to enter it.
chmodSync(dataDir, 0o755);
const { DATABASE_URL: _, NODE_ENV: __, ...inherited } = process.env;
const env = { ...inherited, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' };

let server: ChildProcess | undefined;
afterAll(async () => {
  // Left running only when the test failed before its Ctrl-C: stop the whole group.
  const group = server?.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      if (group !== undefined) process.kill(-group, name);
    } catch {
      // The group has ended.
    }
  };
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = once(server, 'close');
    signal('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    signal('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the README', () => {
  it('gives the test command that .ci/run runs', () => {
    const test = blocks.filter(isTest);
    expect(test).toHaveLength(1);
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toContain(test[0]);
  });

  it('runs every other command block as written, in order: start, curl, demo data, Ctrl-C, reset', async () => {
    const [start, ...rest] = blocks.filter((block) => !isTest(block));
    expect(start !== undefined && isStart(start), 'the first block starts the server').toBe(true);

    // Its own process group, as a terminal's foreground job: Ctrl-C reaches pnpm, the shell and Node.
    server = spawn('bash', ['-c', start as string], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let resolvePort: (port: number) => void = () => undefined;
    const listening = new Promise<number>((resolve) => {
      resolvePort = resolve;
    });
    const serverRun = collect(server, (line) => {
      const port = /"port":(\d+),"url":"[^"]*","msg":"listening"/.exec(line)?.[1];
      if (port) resolvePort(Number(port));
    });
    const port = await Promise.race([listening, serverRun.then((run) => Promise.reject(new Error(`start exited: ${run.stderr}`)))]);

    const ran: string[] = [];
    for (const block of rest) {
      if (block.includes('conduit reset')) {
        // Stop and reset: Ctrl-C first, as the README says.
        process.kill(-(server.pid as number), 'SIGINT');
        const stopped = await serverRun;
        expect(stopped.stdout, stopped.stderr).toContain('"msg":"stopped"');
        expect(existsSync(join(dataDir, 'db', 'running.json'))).toBe(false);
      }
      const script = block.replaceAll('localhost:3000', `localhost:${port}`);
      const run = await collect(spawn('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: ROOT, env }));
      expect(run.status, `${block}\n${run.stdout}\n${run.stderr}`).toBe(0);
      if (block.includes('/api/user/logout')) expect(run.stdout).toBe('204\n401\n');
      else if (block.includes('curl')) expect(run.stdout).toContain('"articlesCount":1');
      if (block.includes('conduit seed')) expect(run.stdout).toMatch(/^seeded 20 users .* 2000 articles/m);
      if (block.includes('conduit reset')) expect(existsSync(join(dataDir, 'db'))).toBe(false);
      ran.push(block.split('\n')[0] as string);
    }
    expect(ran.some((first) => first.startsWith('curl'))).toBe(true);
    expect(ran.some((first) => first.includes('conduit seed'))).toBe(true);
    expect(ran.some((first) => first.includes('conduit reset'))).toBe(true);
  });
});
