import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@conduit/adapters-db/testing';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { freePort } from './testing/free-port.js';
import { manifest as manifestIn, type PodSpec, podFrom } from './testing/kube-pod.js';
import { podmanIn, waitFor } from './testing/podman.js';
import { balancer } from './testing/round-robin-balancer.js';

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
const { podman, must } = podmanIn(ROOT, work);
const manifest = (name: string) => manifestIn(ROOT, name);

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
    writeFileSync(migrateFile, stringify(podFrom(IMAGE, 'conduit-migrate', { ...migrate, restartPolicy: 'Never' }, owner)));
    must(['play', 'kube', migrateFile], 300_000);
    expect(must(['wait', 'conduit-migrate-migrate'], 300_000)).toBe('0');
    must(['play', 'kube', '--down', migrateFile]);

    kubeFile = join(work, 'conduit.yaml');
    const pods = [
      ...ports.map((port, index) => podFrom(IMAGE, `conduit-api-${index + 1}`, api, { ...env, PORT: String(port) })),
      podFrom(IMAGE, 'conduit-worker', worker, { ...env, JOB_WORKERS: '1' }),
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
