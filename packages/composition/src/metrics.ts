import { createServer, type Server } from 'node:http';
import { type Orm, poolUsage, type ReplicaRouter } from '@conduit/adapters-db';
import type { BatchOutcome, JobStatus, Tenant } from '@conduit/domain';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Config } from './config.js';
import type { Core } from './core.js';

/**
 * Metrics every process that holds the core reports, whatever its transport: the pool, the jobs,
 * and the items its job workers applied. The server adds its HTTP metrics to the same registry.
 */

/** The database pool's connections by state. */
export const recordPool = (registry: Registry, orm: Orm): void => {
  new Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const usage = poolUsage(orm);
      this.set({ state: 'total' }, usage.total);
      this.set({ state: 'idle' }, usage.idle);
      this.set({ state: 'waiting' }, usage.waiting);
    },
  });
};

/**
 * Each read replica: whether it answers, how far behind the primary it may be (lag is measured by
 * WAL position, see ReplicaRouter), and the reads it served and failed (a failed read is served
 * again by the primary). Read spread is `rate(conduit_db_replica_reads_total[1m])` by replica.
 */
export const recordReplicas = (registry: Registry, router: ReplicaRouter): void => {
  const states = () => router.states();
  new Gauge({
    name: 'conduit_db_replica_up',
    help: 'Read replica answering its checks (1) or not (0)',
    labelNames: ['replica'] as const,
    registers: [registry],
    collect() {
      for (const replica of states()) this.set({ replica: replica.name }, replica.up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'conduit_db_replica_lag_seconds',
    help: 'How far behind the primary each read replica may be, measured by WAL position (-1 before its first check)',
    labelNames: ['replica'] as const,
    registers: [registry],
    aggregator: 'max',
    collect() {
      for (const replica of states()) this.set({ replica: replica.name }, replica.lagMs === null ? -1 : replica.lagMs / 1000);
    },
  });
  new Counter({
    name: 'conduit_db_replica_reads_total',
    help: 'Reads served by each read replica, and reads it failed (then served by the primary)',
    labelNames: ['replica', 'outcome'] as const,
    registers: [registry],
    // The router counts; a scrape copies its counts.
    collect() {
      this.reset();
      for (const replica of states()) {
        this.inc({ replica: replica.name, outcome: 'served' }, replica.reads);
        this.inc({ replica: replica.name, outcome: 'failed' }, replica.failures);
      }
    },
  });
};

export type JobMetrics = { readonly recordBatch: (batch: BatchOutcome) => void };

/** What the job metrics read: each tenant's jobs by status, and the tenant a batch was applied for. */
export type JobCounts = {
  readonly byTenant: () => Promise<readonly { readonly tenant: Tenant; readonly value: Record<JobStatus, number> }[]>;
  readonly currentTenant: () => Tenant | undefined;
};

/** The jobs' counts of a core: every tenant's, each read in its own scope. */
export const jobCountsOf = (core: Pick<Core, 'useCases' | 'tenants' | 'scope'>): JobCounts => ({
  byTenant: () => core.tenants.each(() => core.useCases.countJobs()),
  currentTenant: () => core.scope.current().tenant,
});

/**
 * Jobs by tenant and status (read from the database at each scrape: every process sees the same
 * jobs, so a cluster reports the largest, not the sum) and the items job workers applied, by tenant
 * and outcome: `rate(conduit_job_items_total[1m])` is items per second. The `tenant` label's values
 * are the tenants operators added, a bounded set (HTTP metrics have none: routes × statuses ×
 * tenants would not be).
 */
export const recordJobs = (registry: Registry | undefined, jobs: JobCounts): JobMetrics => {
  if (registry === undefined) return { recordBatch: () => undefined };
  new Gauge({
    name: 'conduit_jobs',
    help: 'Jobs by tenant and status',
    labelNames: ['tenant', 'status'] as const,
    registers: [registry],
    aggregator: 'max',
    async collect() {
      // A scrape while the database is away keeps the last counts rather than failing whole.
      const counts = await jobs.byTenant().catch(() => null);
      if (counts === null) return;
      this.reset();
      for (const { tenant, value } of counts) {
        for (const [status, count] of Object.entries(value)) this.set({ tenant: tenant.slug, status }, count);
      }
    },
  });
  const items = new Counter({
    name: 'conduit_job_items_total',
    help: 'Job items applied by the workers of this process: succeeded became articles, failed were refused',
    labelNames: ['tenant', 'outcome'] as const,
    registers: [registry],
  });
  return {
    recordBatch: (batch) => {
      const tenant = jobs.currentTenant()?.slug ?? 'none';
      items.inc({ tenant, outcome: 'succeeded' }, batch.written);
      items.inc({ tenant, outcome: 'failed' }, batch.refused.length);
    },
  };
};

/** A job worker's metrics (`conduit worker`): the process, the pool, the jobs and their items. */
export const createWorkerMetrics = (orm: Orm, jobs: JobCounts): { registry: Registry; jobs: JobMetrics } => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  recordPool(registry, orm);
  return { registry, jobs: recordJobs(registry, jobs) };
};

/** Where the scrape endpoint lives: the API port (`/metrics`), its own port, or nowhere. */
export const metricsPlacement = (config: Config): 'api' | 'own-port' | 'off' =>
  !config.METRICS_ENABLED ? 'off' : config.METRICS_PORT === undefined ? 'api' : 'own-port';

/** What a scrape answers: the exposition text and its content type. */
export type Exposition = { readonly text: () => Promise<string>; readonly contentType: string };

export const expositionOf = (registry: Registry): Exposition => ({
  text: () => registry.metrics(),
  contentType: registry.contentType,
});

/** A separate listener for scrapes, so the metrics port can stay off the public network. */
export const startMetricsServer = (exposition: Exposition, config: Pick<Config, 'METRICS_PORT' | 'HOST'>): Server =>
  createServer(async (request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await exposition.text();
      response.writeHead(200, { 'Content-Type': exposition.contentType }).end(body);
    } catch {
      response.writeHead(503).end();
    }
  }).listen(config.METRICS_PORT, config.HOST);

/** Whether the flags are served from a store that cannot be read now (the last settings read, else the defaults). */
export const recordFlags = (registry: Registry, unreadable: () => boolean): void => {
  new Gauge({
    name: 'conduit_feature_flags_unreadable',
    help: 'The flag store cannot be read (1): flags answer the last settings read, else their defaults',
    registers: [registry],
    aggregator: 'max',
    collect() {
      this.set(unreadable() ? 1 : 0);
    },
  });
};
