import type { JobId } from '@conduit/domain';
import type { AppDeps } from '../deps.js';
import { makeRunAccountExport } from './run-account-export.js';
import { makeRunArticleImport, type RunOptions, type RunOutcome } from './run-article-import.js';

/** Runs a queued job by its type: what a worker calls for every job it is handed. */
export const makeRunJob = (deps: Pick<AppDeps, 'unitOfWork' | 'repositories' | 'queries' | 'clock' | 'suffixes'>) => {
  const runners = { 'article-import': makeRunArticleImport(deps), 'account-export': makeRunAccountExport(deps) };
  return async (id: JobId, options: RunOptions = {}): Promise<RunOutcome> => {
    const job = await deps.repositories.jobs.findById(id);
    if (job === null) return 'finished';
    return runners[job.type](id, options);
  };
};
