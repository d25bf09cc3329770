import { DEFAULT_TENANT, type JobId, type JobQueue, jobId, type TenantId, tenantId } from '@conduit/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fromKysely, PgBoss } from 'pg-boss';
import { kyselyOf } from '../kysely/database.js';
import { describeJobTurn } from './job-spans.js';

/*
 * The queues' names are stored (pg-boss keeps queued jobs and schedules under them), so they keep
 * the names of the first release: renaming one would strand what a running release queued across
 * an upgrade. The constants say what each holds today.
 */

/**
 * Every job, whatever its type (an article import, an account export): a job's data is
 * `{ jobId, tenantId }`: the row in `jobs` that holds the rest (its type included), and the tenant
 * it belongs to, which its worker runs it for. pg-boss keeps the trace that queued it beside it. A job queued before there were tenants has no
 * `tenantId`: it is the default tenant's, as all data then was.
 */
export const JOB_QUEUE = 'article-import';
/** Jobs whose retries were spent on faults land here, to be marked failed. */
const FAILED_JOB_QUEUE = 'article-import-failed';
/**
 * Every quarter hour, one worker somewhere sweeps each tenant: abandoned uploads, idempotency keys
 * past their 24 hours, expired sessions, job results past their 24 hours.
 */
const SWEEP_QUEUE = 'job-uploads-sweep';

/**
 * What a worker does with one announced job: 'handed-back' when it stopped early (shutdown), so
 * the queue gives the job to a worker again; anything else ends the queue's job.
 */
export type JobRunner = (id: JobId, tenant: TenantId, signal: AbortSignal) => Promise<'finished' | 'handed-back' | 'superseded'>;

/** A queued job's data as pg-boss keeps it. */
type QueuedJob = { readonly jobId: string; readonly tenantId?: number };
const tenantOf = (data: QueuedJob): TenantId => tenantId(data.tenantId ?? DEFAULT_TENANT.id);

/** What the workers of a process do: run a job, end one the queue gave up on, sweep each tenant (see SWEEP_QUEUE). */
export type JobHandlers = {
  readonly run: JobRunner;
  readonly failed: (id: JobId, tenant: TenantId) => Promise<void>;
  readonly sweep: () => Promise<void>;
};

export type PgBossJobsOptions = {
  readonly databaseUrl: string;
  /** Connections of the queue's own pool (polling, heartbeats, maintenance). */
  readonly poolSize?: number;
  /** How often the queue looks for jobs whose worker went silent (and other upkeep). */
  readonly superviseSeconds?: number;
  readonly onError?: (error: Error) => void;
  /** The tenant a job is queued for: the one in scope where it is submitted. */
  readonly currentTenant: () => number | undefined;
  /** pg-boss's own spans (OpenTelemetry), where this process exports spans. */
  readonly tracing?: boolean;
};

class HandedBack extends Error {
  constructor(id: JobId) {
    super(`Job ${id} handed back at shutdown; another worker resumes it`);
  }
}

/**
 * The job queue: pg-boss on the application's PostgreSQL (its own schema, `pgboss`). Durability and
 * handing jobs to workers are pg-boss's; applying each item exactly once is the job runner's
 * (progress commits with the articles). A worker that dies (kill -9, lost machine) stops sending
 * heartbeats, and pg-boss gives its job to another worker after `HEARTBEAT_SECONDS` plus one
 * supervision pass; the runner then resumes after the last committed batch.
 */
export class PgBossJobs {
  private static readonly HEARTBEAT_SECONDS = 10;
  /** pg-boss's schema (its default). */
  static readonly SCHEMA = 'pgboss';
  private readonly boss: PgBoss;
  private readonly stopping = new AbortController();
  private working = false;
  private readonly currentTenant: () => number | undefined;

  constructor(options: PgBossJobsOptions) {
    this.currentTenant = options.currentTenant;
    const supervise = options.superviseSeconds ?? 5;
    this.boss = new PgBoss({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 3,
      application_name: 'conduit-jobs',
      superviseIntervalSeconds: supervise,
      monitorIntervalSeconds: supervise,
      registerInstance: false,
      // Spans of its sends and of each job's turn, the turn under the trace that queued the job;
      // only where spans are exported (its metrics stay off: no meter provider is registered).
      openTelemetry: { enabled: options.tracing ?? false, propagateContext: true },
    });
    this.boss.on('error', (error) => options.onError?.(error));
  }

  /**
   * Installs or migrates pg-boss's schema and the queues, then stops: for the tables' owner, before
   * the server and workers start as a role that may not create them.
   */
  static async install(ownerUrl: string): Promise<void> {
    const jobs = new PgBossJobs({ databaseUrl: ownerUrl, poolSize: 1, currentTenant: () => undefined });
    await jobs.start();
    await jobs.stop(0);
  }

  /** Installs or migrates pg-boss's schema when needed, and the queues. Safe to run in many processes at once. */
  async start(): Promise<void> {
    await this.boss.start();
    const queues = { [FAILED_JOB_QUEUE]: {}, [JOB_QUEUE]: this.importQueue(), [SWEEP_QUEUE]: { retryLimit: 0 } };
    for (const [name, options] of Object.entries(queues)) {
      // Another process starting at the same moment may create it first: then it exists, which is all we need.
      if ((await this.boss.getQueue(name)) === null) await this.boss.createQueue(name, options).catch(() => undefined);
      else if (name === JOB_QUEUE) await this.boss.updateQueue(name, options);
    }
    await this.boss.schedule(SWEEP_QUEUE, '*/15 * * * *');
  }

  private importQueue() {
    return {
      heartbeatSeconds: PgBossJobs.HEARTBEAT_SECONDS,
      // Liveness comes from heartbeats; this only bounds a run that hangs while still beating.
      expireInSeconds: 6 * 3600,
      // Faults (the database away for a while) and shutdowns that hand a job back are retried.
      retryLimit: 20,
      retryDelay: 1,
      retryBackoff: true,
      retryDelayMax: 60,
      deadLetter: FAILED_JOB_QUEUE,
    };
  }

  /** Announces jobs in the transaction of `em`: the announcement commits, or rolls back, with the job. */
  queueIn(em: EntityManager): JobQueue {
    return {
      enqueue: async (id) => {
        const tenant = this.currentTenant();
        // The job's row was written for a tenant; a job without one would be applied for nobody.
        if (tenant === undefined) throw new Error(`job ${id} announced without a tenant in scope`);
        const data: QueuedJob = { jobId: id, tenantId: tenant };
        // On the entity manager's connection: inside its transaction when it has one.
        await this.boss.send(JOB_QUEUE, data, { db: fromKysely(kyselyOf(em)) });
      },
    };
  }

  /**
   * Runs announced jobs, `concurrency` at a time, until `stop`; tells `failed` of jobs whose
   * retries are spent, and sweeps each tenant when the schedule says.
   */
  async work(concurrency: number, handlers: JobHandlers): Promise<void> {
    this.working = true;
    const signal = this.stopping.signal;
    await this.boss.work<QueuedJob>(JOB_QUEUE, { localConcurrency: concurrency, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job === undefined) return;
      const id = jobId(job.data.jobId);
      const tenant = tenantOf(job.data);
      const outcome = await describeJobTurn({ id, tenant }, () => handlers.run(id, tenant, AbortSignal.any([signal, job.signal])));
      if (outcome === 'handed-back') throw new HandedBack(id);
    });
    await this.boss.work<QueuedJob>(FAILED_JOB_QUEUE, { pollingIntervalSeconds: 5 }, async ([job]) => {
      if (job !== undefined) await handlers.failed(jobId(job.data.jobId), tenantOf(job.data));
    });
    await this.boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 30 }, () => handlers.sweep());
  }

  /**
   * Stops taking jobs; a run in progress finishes its batch and hands the job back (the next
   * worker resumes after it), within `graceMs`.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping.abort();
    await this.boss.stop({ graceful: this.working, timeout: Math.max(graceMs, 1_000) });
  }
}
