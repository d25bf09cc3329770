import type { AppDeps } from '../deps.js';

/** Forgets job results past their download window; how many. Run periodically. */
export const makeForgetJobResults = (deps: Pick<AppDeps, 'repositories' | 'clock'>) => (): Promise<number> =>
  deps.repositories.jobResults.forgetExpired(deps.clock.now());
