import type { BatchOutcome } from '@conduit/domain';
import { systemActor } from '@conduit/domain';
import type { Core } from './core.js';

/** Who the workers are in the logs and to the use cases that load a job for them. */
const worker = systemActor('job-worker');

/**
 * Runs queued jobs in this process, `concurrency` at a time, until the core closes (which hands a
 * job in progress back after its current batch). The same for the server (JOB_WORKERS) and for
 * `conduit worker`. `onBatch` sees every committed batch (metrics). They also sweep uploads
 * abandoned mid-way, on pg-boss's schedule.
 */
export const startJobWorkers = async (
  core: Core,
  options: { readonly concurrency: number; readonly onBatch?: (batch: BatchOutcome) => void },
): Promise<void> => {
  const { jobs, useCases, logger } = core;
  if (jobs === undefined) throw new Error('Job workers need the job queue: compose the core with jobs: true');
  await jobs.work(options.concurrency, {
    run: async (id, signal) => {
      const log = logger.child({ jobId: id });
      log.info('job run started');
      const outcome = await useCases.runJob(id, { signal, ...(options.onBatch ? { onBatch: options.onBatch } : {}) });
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
    },
    failed: async (id) => {
      await useCases.failJob(id);
      logger.error({ jobId: id }, 'job failed: its retries were spent on faults');
    },
    sweep: async () => {
      const dropped = await useCases.sweepUploads();
      if (dropped > 0) logger.warn({ dropped }, 'dropped uploads abandoned mid-way (their server stopped before receiving them whole)');
      const forgotten = await useCases.forgetIdempotencyKeys();
      if (forgotten > 0) logger.info({ forgotten }, 'forgot idempotency keys past their 24 hours');
      const expired = await useCases.forgetExpiredSessions();
      if (expired > 0) logger.info({ expired }, 'forgot expired sessions');
      const results = await useCases.forgetJobResults();
      if (results > 0) logger.info({ results }, 'forgot job results past their 24 hours');
    },
  });
};
