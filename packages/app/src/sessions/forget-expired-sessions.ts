import type { AppDeps } from '../deps.js';

/** At most this many rows per sweep, so one sweep is one short statement however many expired at once. */
const SWEEP_LIMIT = 10_000;

/** Deletes sessions past their expiry (their tokens are already refused); how many. Run periodically. */
export const makeForgetExpiredSessions = (deps: Pick<AppDeps, 'repositories' | 'clock'>) => (): Promise<number> =>
  deps.repositories.sessions.forgetExpired(deps.clock.now(), SWEEP_LIMIT);
