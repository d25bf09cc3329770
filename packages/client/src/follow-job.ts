import type { ConduitClient } from './client.js';
import type { components } from './openapi.js';
import { pause, retryAfterMs } from './retrying-fetch.js';

export type Job = components['schemas']['Job'];

const ENDED = new Set<Job['status']>(['succeeded', 'failed', 'canceled']);

export type FollowJobOptions = {
  /** Called with the job each time it is read (progress bars). */
  readonly onProgress?: (job: Job) => void;
  /** Stops following (the job goes on). */
  readonly signal?: AbortSignal;
  /** The longest wait between two reads, whatever `Retry-After` says (default 5 s). */
  readonly maxPollMs?: number;
};

/** Why following a job stopped before it ended: the API refused to show it (the problem it answered). */
export class JobNotReadable extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`The job could not be read (HTTP ${status})`);
    this.name = 'JobNotReadable';
  }
}

/**
 * Reads a job (an import's, from `POST /api/articles/imports`) until it has ended, waiting between
 * reads as its `Retry-After` asks: the job as it ended. Transient refusals are retried by the
 * client; a job that cannot be read (gone, not yours) throws `JobNotReadable`.
 */
export const followJob = async (client: ConduitClient, jobId: string, options: FollowJobOptions = {}): Promise<Job> => {
  const maxPollMs = options.maxPollMs ?? 5_000;
  for (;;) {
    const { data, error, response } = await client.GET('/api/jobs/{jobId}', {
      params: { path: { jobId } },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (data === undefined) throw new JobNotReadable(response.status, error);
    options.onProgress?.(data.job);
    if (ENDED.has(data.job.status)) return data.job;
    // A second between reads when the server names no wait.
    await pause(Math.min(maxPollMs, retryAfterMs(response) ?? 1000), options.signal);
  }
};
