import type { BatchOutcome, JobId, Tenant, TenantId } from '@conduit/domain';
import { systemActor } from '@conduit/domain';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { Core } from './core.js';

/** Who the workers are in the logs and to the use cases that load a job for them. */
const worker = systemActor('job-worker');

/**
 * Runs queued jobs in this process, `concurrency` at a time, until the core closes (which hands a
 * job in progress back after its current batch). The same for the server (JOB_WORKERS) and for
 * `conduit worker`. `onBatch` sees every committed batch (metrics). They also sweep uploads
 * abandoned mid-way, on pg-boss's schedule. Each job runs for the tenant it was queued for; each
 * tenant is swept in its own scope (a sweep for no tenant would see nothing).
 */
export const startJobWorkers = async (
  core: Core,
  options: { readonly concurrency: number; readonly onBatch?: (batch: BatchOutcome) => void },
): Promise<void> => {
  const { jobs, useCases, logger, tenants } = core;
  if (jobs === undefined) throw new Error('Job workers need the job queue: compose the core with jobs: true');

  // A job whose tenant was removed since it was queued has nothing left to apply.
  const inTenant = async <T>(id: TenantId, work: (tenant: Tenant) => Promise<T>): Promise<T | undefined> => {
    const tenant = await tenants.directory.byId(id);
    if (tenant === null) {
      logger.warn({ tenantId: id }, 'job of a removed tenant dropped');
      return undefined;
    }
    return core.scope.runApart({ tenant }, () => work(tenant));
  };

  const runJob = async (id: JobId, tenant: Tenant, signal: AbortSignal) => {
    // The turn's span (pg-boss's `process`, under the trace that queued the job): its ids on the log lines.
    const span = trace.getActiveSpan();
    const ids = span?.spanContext();
    const log = logger.child({
      jobId: id,
      tenant: tenant.slug,
      ...(ids && isSpanContextValid(ids) ? { traceId: ids.traceId, spanId: ids.spanId } : {}),
    });
    log.info('job run started');
    // Each committed batch an event of that span: its counts, and which items it refused.
    const onBatch = (batch: BatchOutcome) => {
      if (span?.isRecording())
        span.addEvent('batch committed', {
          'conduit.job.items': batch.items,
          'conduit.job.written': batch.written,
          'conduit.job.refused_items': batch.refused.map((refused) => refused.item),
        });
      options.onBatch?.(batch);
    };
    const outcome = await useCases.runJob(id, { signal, onBatch });
    const job = (await useCases.getJob({ actor: worker }, id)).unwrapOr(null);
    const counts = job && {
      status: job.status,
      total: job.total,
      processed: job.processed,
      succeeded: job.succeeded,
      failed: job.failed,
    };
    log.info({ outcome, ...counts }, outcome === 'handed-back' ? 'job handed back at shutdown' : 'job run ended');
    return outcome;
  };

  const sweep = async (tenant: Tenant) => {
    const log = logger.child({ tenant: tenant.slug });
    const dropped = await useCases.sweepUploads();
    if (dropped > 0) log.warn({ dropped }, 'dropped uploads abandoned mid-way (their server stopped before receiving them whole)');
    const forgotten = await useCases.forgetIdempotencyKeys();
    if (forgotten > 0) log.info({ forgotten }, 'forgot idempotency keys past their 24 hours');
    const expired = await useCases.forgetExpiredSessions();
    if (expired > 0) log.info({ expired }, 'forgot expired sessions');
    const results = await useCases.forgetJobResults();
    if (results > 0) log.info({ results }, 'forgot job results past their 24 hours');
  };

  await jobs.work(options.concurrency, {
    run: async (id, tenantId, signal) => (await inTenant(tenantId, (tenant) => runJob(id, tenant, signal))) ?? 'finished',
    failed: async (id, tenantId) => {
      await inTenant(tenantId, async (tenant) => {
        await useCases.failJob(id);
        logger.error({ jobId: id, tenant: tenant.slug }, 'job failed: its retries were spent on faults');
      });
    },
    sweep: async () => {
      await tenants.each(sweep);
    },
  });
};
