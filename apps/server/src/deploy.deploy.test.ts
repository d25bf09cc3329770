import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { freePort } from './testing/free-port.js';

/*
 * `pnpm test:deploy`: the production image, built from Containerfile on a locally made base image,
 * run from the Kubernetes manifests with `podman play kube` (host network, on this machine's
 * PostgreSQL and Redis), then driven as users and operators would. Minutes long: run before every
 * release, not in `pnpm test`.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const IMAGE = 'localhost/conduit:deploy-test';
const BASE = 'localhost/conduit-base:bookworm-node24';
const work = mkdtempSync(join(tmpdir(), 'conduit-deploy-'));
writeFileSync(join(work, 'containers.conf'), '[containers]\ndefault_ulimits = []\n');

/** podman as it runs on these machines: runc (crun fails on this cgroup setup) and cgroupfs. */
const podman = (args: string[], timeoutMs = 120_000) =>
  spawnSync('podman', ['--runtime', 'runc', '--cgroup-manager=cgroupfs', ...args], {
    cwd: ROOT,
    env: { ...process.env, CONTAINERS_CONF: join(work, 'containers.conf') },
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
  });
const must = (args: string[], timeoutMs?: number) => {
  const result = podman(args, timeoutMs);
  if (result.status !== 0) throw new Error(`podman ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout.trim();
};

const manifest = (name: string) => parse(readFileSync(join(ROOT, 'deploy/kubernetes', name), 'utf8'));

type Container = Record<string, unknown> & {
  envFrom?: unknown;
  ports?: unknown;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
  lifecycle?: unknown;
};
type PodSpec = Record<string, unknown> & { containers: Container[] };

/**
 * A Pod from a manifest's pod template, as the cluster would make it: the ConfigMap's settings and
 * the Secret's values as the environment (podman resolves no references to them), on the host's
 * network (each replica listens on its own PORT; container ports are not mapped). Probes and
 * preStop are left to the test, which waits on /readyz itself: podman runs probes with curl, which
 * the image does not carry.
 */
const podFrom = (name: string, template: PodSpec, env: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { 'app.kubernetes.io/part-of': 'conduit-deploy-test' } },
  spec: {
    ...template,
    hostNetwork: true,
    containers: template.containers.map(
      ({ envFrom: _e, livenessProbe: _l, readinessProbe: _r, startupProbe: _s, lifecycle: _c, ports: _p, ...container }) => ({
        ...container,
        image: IMAGE,
        env: Object.entries(env).map(([key, value]) => ({ name: key, value })),
      }),
    ),
  },
});

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * A load balancer in front of the replicas: round robin, and a backend that refuses a connection
 * is taken out and the request sent to another (nothing was sent to it). A request a replica was
 * answering when it died fails, as it would behind any balancer.
 */
const balancer = (backends: string[]) => {
  const down = new Set<string>();
  let turn = 0;
  return createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const send = (retries: number) => {
        const live = backends.filter((backend) => !down.has(backend));
        const target = live[turn++ % live.length] as string;
        const upstream = httpRequest(
          `${target}${incoming.url}`,
          { method: incoming.method, headers: incoming.headers, agent: false },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && retries > 0) {
            down.add(target);
            send(retries - 1);
          } else outgoing.destroy();
        });
        upstream.end(body);
      };
      send(backends.length);
    });
  });
};

describe('the container image and the manifests, on podman', () => {
  let database: TestDatabase;
  let kubeFile: string;
  let proxy: Server;
  let proxyUrl: string;
  const replicas: { pod: string; url: string }[] = [];
  const figures: Record<string, string> = {};

  beforeAll(async () => {
    if (podman(['image', 'exists', BASE]).status !== 0) throw new Error(`${BASE} is missing: deploy/local/base-image.sh builds it`);
    const built = Date.now();
    must(['build', '--format', 'docker', '--build-arg', `BASE_IMAGE=${BASE}`, '-t', IMAGE, '-f', 'Containerfile', '.'], 1_200_000);
    figures['image build'] = `${((Date.now() - built) / 1000).toFixed(0)} s`;
    figures['image size'] = `${(Number(must(['image', 'inspect', IMAGE, '--format', '{{.Size}}'])) / 1024 / 1024).toFixed(0)} MB`;

    database = await createTestDatabase();
    const config = manifest('configmap.yaml').data as Record<string, string>;
    const secret = { DATABASE_URL: database.url, JWT_SECRET: randomBytes(32).toString('hex'), REDIS_URL: 'redis://127.0.0.1:6379' };
    const ports = [await freePort(), await freePort()];
    const api = manifest('api-deployment.yaml').spec.template.spec as PodSpec;
    const worker = manifest('worker-deployment.yaml').spec.template.spec as PodSpec;
    const migrate = manifest('migrate-job.yaml').spec.template.spec as PodSpec;
    // Production budgets would stop one load generator at once (every request comes from 127.0.0.1).
    const budgets = { RATE_LIMIT_ANONYMOUS: '1000000/60', RATE_LIMIT_AUTHENTICATED: '1000000/60', RATE_LIMIT_SIGNUP_ADDRESS: '1000/60' };
    const env = { ...config, ...secret, ...budgets, HOST: '127.0.0.1', LOG_LEVEL: 'info' };

    // Migrations once, then the replicas and the worker.
    const migrateFile = join(work, 'migrate.yaml');
    // As the tables' owner (the conduit-migrate secret); the pods after it run as the runtime role.
    const owner = { ...env, DATABASE_MIGRATION_URL: database.ownerUrl };
    writeFileSync(migrateFile, stringify(podFrom('conduit-migrate', { ...migrate, restartPolicy: 'Never' }, owner)));
    must(['play', 'kube', migrateFile], 300_000);
    expect(must(['wait', 'conduit-migrate-migrate'], 300_000)).toBe('0');
    must(['play', 'kube', '--down', migrateFile]);

    kubeFile = join(work, 'conduit.yaml');
    const pods = [
      ...ports.map((port, index) => podFrom(`conduit-api-${index + 1}`, api, { ...env, PORT: String(port) })),
      podFrom('conduit-worker', worker, { ...env, JOB_WORKERS: '1' }),
    ];
    writeFileSync(kubeFile, pods.map((pod) => stringify(pod)).join('---\n'));
    const started = Date.now();
    must(['play', 'kube', kubeFile], 300_000);
    for (const [index, port] of ports.entries()) {
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`replica ${index + 1} to be ready`, async () => (await fetch(`${url}/readyz`)).ok, 60_000);
      replicas.push({ pod: `conduit-api-${index + 1}`, url });
    }
    figures['start to /readyz 200 (both replicas)'] = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    proxy = balancer(replicas.map((replica) => replica.url)).listen(0, '127.0.0.1');
    await new Promise((resolve) => proxy.once('listening', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    console.info(`[deploy] ${JSON.stringify(figures)}`);
    proxy?.close();
    if (kubeFile) podman(['play', 'kube', '--down', kubeFile]);
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('runs as user 1000 under tini, with the CLI on the PATH', () => {
    const container = 'conduit-api-1-api';
    expect(must(['exec', container, 'id', '-u'])).toBe('1000');
    expect(must(['exec', container, 'cat', '/proc/1/comm'])).toBe('tini');
    expect(must(['exec', container, 'conduit', '--help'])).toContain('conduit');
  });

  it('passes the official Postman collection through the two replicas', async () => {
    const suffix = randomBytes(4).toString('hex');
    const summary = await new Promise<{ run: { stats: Record<string, { total: number; failed: number }> } }>((resolve, reject) =>
      newman.run(
        {
          collection: join(ROOT, 'test/realworld/Conduit.postman_collection.json'),
          envVar: [
            { key: 'APIURL', value: `${proxyUrl}/api` },
            { key: 'USERNAME', value: `u${suffix}` },
            { key: 'EMAIL', value: `u${suffix}@example.com` },
            { key: 'PASSWORD', value: 'password123' },
          ],
          timeoutRequest: 10_000,
        },
        (error, result) => (error ? reject(error) : resolve(result as never)),
      ),
    );
    const { requests, assertions } = summary.run.stats;
    figures.postman = `${requests?.total} requests, ${assertions?.total} assertions, ${assertions?.failed} failed`;
    expect(assertions?.failed).toBe(0);
  });

  it('loses no request beyond those in flight when one replica is killed under load', async () => {
    const stats = { sent: 0, failed: 0, inFlightAtKill: 0 };
    let inFlight = 0;
    let stop = false;
    const client = async () => {
      while (!stop) {
        inFlight += 1;
        stats.sent += 1;
        const ok = await fetch(`${proxyUrl}/api/articles?limit=5`).then(
          async (response) => (await response.arrayBuffer(), response.ok),
          () => false,
        );
        inFlight -= 1;
        if (!ok) stats.failed += 1;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    stats.inFlightAtKill = inFlight;
    must(['kill', '--signal', 'KILL', 'conduit-api-2-api']);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    stop = true;
    await Promise.all(clients);
    figures['kill one replica'] = `${stats.sent} requests, ${stats.failed} failed, ${stats.inFlightAtKill} in flight at the kill`;
    expect(stats.failed).toBeLessThanOrEqual(stats.inFlightAtKill);
    expect(stats.sent).toBeGreaterThan(100);
  });

  it('runs a bulk import on the worker', async () => {
    const username = `importer${randomBytes(3).toString('hex')}`;
    const signedUp = await fetch(`${proxyUrl}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { username, email: `${username}@example.com`, password: 'password123' } }),
    });
    const { token } = ((await signedUp.json()) as { user: { token: string } }).user;
    const lines = Array.from({ length: 2_000 }, (_, index) =>
      JSON.stringify({ article: { title: `Shipped ${index}`, description: 'd', body: 'b' } }),
    );
    const started = Date.now();
    const submitted = await fetch(`${proxyUrl}/api/articles/imports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Token ${token}` },
      body: lines.join('\n'),
    });
    expect(submitted.status).toBe(202);
    const location = submitted.headers.get('Location') as string;
    let status = '';
    await waitFor(
      'the import to succeed',
      async () => {
        const job = (
          (await (await fetch(`${proxyUrl}${location}`, { headers: { Authorization: `Token ${token}` } })).json()) as {
            job: { status: string; succeeded: number };
          }
        ).job;
        status = `${job.status} ${job.succeeded}`;
        return job.status === 'succeeded';
      },
      60_000,
    );
    figures['import on the worker'] = `2,000 articles, ${status}, ${((Date.now() - started) / 1000).toFixed(1)} s`;
    // The worker ran it (the API pods only queue: JOB_WORKERS=0); its logs are written every 250 ms.
    await waitFor('the worker to log the job', async () => must(['logs', 'conduit-worker-worker']).includes('job run ended'), 5_000);
  });
});
