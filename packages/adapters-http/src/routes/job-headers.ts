import { isFinished, type Job } from '@conduit/domain';

/** Polling a job that has not ended is worth it about every second (an import applies thousands of items a second). */
export const jobHeaders = (job: Job): Record<string, string> => (isFinished(job) ? {} : { 'Retry-After': '1' });
