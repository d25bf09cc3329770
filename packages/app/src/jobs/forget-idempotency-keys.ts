import { IDEMPOTENCY_WINDOW_MS } from '@conduit/domain';
import type { AppDeps } from '../deps.js';

/** Forgets the keys of writes older than the idempotency window (a retry that late runs afresh); how many. Run periodically. */
export const makeForgetIdempotencyKeys = (deps: Pick<AppDeps, 'repositories' | 'clock'>) => (): Promise<number> =>
  deps.repositories.idempotencyKeys.forgetBefore(new Date(deps.clock.now().getTime() - IDEMPOTENCY_WINDOW_MS));
