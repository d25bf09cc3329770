import { type Core, startJobWorkers } from '@conduit/composition';

/**
 * `conduit worker`: runs queued jobs until SIGTERM or SIGINT, then hands a job in progress back
 * after its current batch (another worker resumes it) and exits 0. For operators who scale job
 * workers apart from the API (whose servers then run with JOB_WORKERS=0).
 */
export const runWorker = async (core: Core, options: { concurrency: number }): Promise<number> => {
  await startJobWorkers(core, { concurrency: options.concurrency });
  core.logger.info({ concurrency: options.concurrency }, 'job worker running');
  const signal = await new Promise<string>((resolve) => {
    for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(name, () => resolve(name));
  });
  core.logger.info({ signal }, 'job worker stopping');
  return 0;
};
