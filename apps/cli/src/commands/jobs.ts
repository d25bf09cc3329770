import type { Core } from '@conduit/composition';
import { type Job, systemActor } from '@conduit/domain';

const line = (job: Job) =>
  [
    job.id,
    job.status.padEnd(9),
    `${job.processed}/${job.total}`.padEnd(15),
    `ok ${job.succeeded}`,
    `refused ${job.failed}`,
    job.createdAt.toISOString(),
  ].join('  ');

/** `conduit jobs list`: every job, newest first, one line each; the count on standard error. */
export const listJobs = async (core: Core, options: { limit: number; offset: number; operator: string }): Promise<number> => {
  const { jobs, count } = await core.useCases.listJobs({ actor: systemActor(options.operator) }, options);
  for (const job of jobs) process.stdout.write(`${line(job)}\n`);
  process.stderr.write(`${jobs.length} of ${count} jobs\n`);
  return 0;
};

/** `conduit jobs show ID`: the job as the API shows it (JSON), or exit 1 when there is none. */
export const showJob = async (core: Core, id: string, options: { operator: string }): Promise<number> => {
  const found = await core.useCases.getJob({ actor: systemActor(options.operator) }, id);
  if (found.isErr()) {
    process.stderr.write(`no job ${id}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(found.value, null, 2)}\n`);
  return 0;
};

/** How long `jobs cancel` waits for a running job's worker (any process) to stop it before saying it will. */
const CANCEL_SETTLE_MS = 5_000;

/** `conduit jobs cancel ID`: as POST /api/jobs/{id}/cancel; exit 1 when there is no such job or it ended otherwise. */
export const cancelJob = async (core: Core, id: string, options: { operator: string }): Promise<number> => {
  const result = await core.useCases.cancelJob({ actor: systemActor(options.operator) }, id, { settleMs: CANCEL_SETTLE_MS });
  if (result.isErr()) {
    const error = result.error;
    process.stderr.write(error.type === 'JobNotFound' ? `no job ${id}\n` : `job ${id} has already ${error.status}\n`);
    return 1;
  }
  const job = result.value;
  process.stdout.write(
    job.status === 'canceled' ? `${line(job)}\n` : `${line(job)}\ncancel requested: the job stops before its next batch\n`,
  );
  return 0;
};
