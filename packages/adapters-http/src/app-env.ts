import type { Actor } from '@conduit/domain';
import type { HttpLogger } from './http-deps.js';

/** What middleware puts into Hono's typed context for the rest of the request. */
export type AppEnv = {
  Variables: {
    requestId: string;
    /** Child logger carrying the request id. */
    logger: HttpLogger;
    /** Set by the route's authentication middleware; see auth/route-auth.ts. */
    actor: Actor;
  };
};
