import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_TENANT } from '@conduit/domain';
import pg from 'pg';

const run = promisify(execFile);

/** The PostgreSQL programs a replicated cluster needs: the server's, and pg_basebackup. */
const PROGRAMS = ['initdb', 'pg_ctl', 'postgres', 'pg_basebackup'];

/**
 * Where PostgreSQL's server programs are: PG_BINDIR, `pg_config --bindir`, or Debian's and Ubuntu's
 * /usr/lib/postgresql/<version>/bin (newest first). Undefined when none has all of them: the
 * embedded PostgreSQL that a machine with only Node has brings no pg_basebackup.
 */
export const findPostgresPrograms = async (): Promise<string | undefined> => {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  const bindir = await run('pg_config', ['--bindir']).then(
    ({ stdout }) => stdout.trim(),
    () => undefined,
  );
  if (bindir) candidates.push(bindir);
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) candidates.push(`/usr/lib/postgresql/${version}/bin`);
  return candidates.find((dir) => PROGRAMS.every((program) => existsSync(join(dir, program))));
};

/** As findPostgresPrograms, and saying so when there are none: the replica tests are then skipped (failed under REQUIRE_PG_SERVER). */
export const postgresProgramsForTests = async (): Promise<string | undefined> => {
  const bindir = await findPostgresPrograms();
  // CI installs them and sets this: there a skip would hide the replica tests, so it is a failure.
  if (bindir === undefined && process.env.REQUIRE_PG_SERVER)
    throw new Error('PostgreSQL server programs with pg_basebackup are required (REQUIRE_PG_SERVER is set): set PG_BINDIR');
  if (bindir === undefined) {
    console.warn('[replicas] no PostgreSQL server programs with pg_basebackup here (PG_BINDIR): the replica tests are skipped');
  }
  return bindir;
};

/** One statement on one server of the cluster, on a connection of its own (outside any pool), for the default tenant. */
export const sqlOn = async <R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`select set_config('conduit.tenant', '${DEFAULT_TENANT.id}', false)`);
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

export type StreamingCluster = {
  readonly primaryUrl: string;
  readonly replicaUrls: readonly string[];
  /** Stops replica `index` at once, as a crash would (`immediate`). */
  stopReplica(index: number): Promise<void>;
  /** Stops every server and removes their folders. */
  stop(): Promise<void>;
};

/**
 * A primary and `replicas` hot standbys streaming from it, each made with pg_basebackup, in a
 * folder of their own on free ports: real streaming replication, with no change to any PostgreSQL
 * already on the machine (whose pg_hba may not allow replication, and whose whole cluster a base
 * backup would copy). PostgreSQL refuses to run as root: as root, the programs run as `postgres`.
 */
export const startStreamingCluster = async (bindir: string, replicas: number): Promise<StreamingCluster> => {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await run('id', ['-u', 'postgres']).then(({ stdout }) => Number(stdout.trim())) : undefined;
  const group = asRoot ? await run('id', ['-g', 'postgres']).then(({ stdout }) => Number(stdout.trim())) : undefined;
  const pgRun = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bindir, program), ...args]) : run(join(bindir, program), args);
  const root = await mkdtemp(join(tmpdir(), 'conduit-replication-'));
  if (owner !== undefined && group !== undefined) await chown(root, owner, group);
  const started: string[] = [];
  const stopServer = async (dir: string) => {
    await pgRun('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop']).catch(() => undefined);
  };
  const startServer = async (dir: string, port: number) => {
    await pgRun('pg_ctl', ['-D', dir, '-l', join(dir, 'server.log'), '-o', `-p ${port} -k ${root}`, '-w', '-t', '120', 'start']);
    started.push(dir);
  };
  try {
    const primaryDir = join(root, 'primary');
    const primaryPort = await freePort();
    await pgRun('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
    // Durability is not under test: fsync off keeps the cluster fast on a busy machine.
    await appendFile(
      join(primaryDir, 'postgresql.conf'),
      `\nlisten_addresses = '127.0.0.1'\nwal_level = replica\nmax_wal_senders = 10\nhot_standby = on\nfsync = off\nshared_buffers = 32MB\n`,
    );
    await startServer(primaryDir, primaryPort);
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/conduit`;
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${primaryPort}/postgres` });
    await admin.connect();
    await admin.query('create database conduit');
    await admin.end();

    const replicaDirs: string[] = [];
    const replicaUrls: string[] = [];
    for (let index = 0; index < replicas; index++) {
      const dir = join(root, `replica-${index + 1}`);
      const port = await freePort();
      // -R: standby.signal and primary_conninfo, so it starts as a standby streaming from the primary.
      await pgRun('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        dir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ]);
      await startServer(dir, port);
      replicaDirs.push(dir);
      replicaUrls.push(`postgres://postgres@127.0.0.1:${port}/conduit`);
    }
    return {
      primaryUrl,
      replicaUrls,
      stopReplica: async (index) => stopServer(replicaDirs[index] as string),
      stop: async () => {
        for (const dir of started.reverse()) await stopServer(dir);
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const dir of started.reverse()) await stopServer(dir);
    await rm(root, { recursive: true, force: true });
    throw error;
  }
};
