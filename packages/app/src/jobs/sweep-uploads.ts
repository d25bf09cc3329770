import type { AppDeps } from '../deps.js';

/**
 * Uploads are received within one request, bounded by the server's request timeout; one still
 * open after this long lost its server mid-upload (a crash, kill -9) and will never be queued.
 */
export const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/** Drops uploads whose server died before they were received whole; how many. Run periodically. */
export const makeSweepUploads = (deps: Pick<AppDeps, 'repositories' | 'clock'>) => (): Promise<number> =>
  deps.repositories.jobUploads.discardBefore(new Date(deps.clock.now().getTime() - ABANDONED_UPLOAD_MS));
