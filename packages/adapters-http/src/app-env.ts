import type { Features, SelfProfile } from '@conduit/app';
import type { Actor, Tenant, TraceIds } from '@conduit/domain';
import type { IdempotencyKeys } from './middleware/idempotency-keys.types.js';
import type { HttpLogger } from './observability/http-logger.js';

/** What middleware puts into Hono's typed context for the rest of the request. */
export type AppEnv = {
  Variables: {
    requestId: string;
    /** Child logger carrying the request id and trace id. */
    logger: HttpLogger;
    /** The ids of the request's server span, for log lines. */
    trace: TraceIds;
    /** The `Server-Timing` value so far (database and total time). */
    serverTiming: () => string;
    /** The publication the request's Host names (middleware/tenant-resolution.ts). */
    tenant: Tenant;
    /** Set by the route's authentication middleware; see auth/route-auth.ts. */
    actor: Actor;
    /** The signed-in user's public profile, as the session check read it (none for anonymous). */
    self: SelfProfile | undefined;
    /** The feature flags as evaluated for this request. */
    features: Features;
    /** The `code` of the problem this request was answered with, if it was. */
    problemCode: string;
    /** What the request did where its route does not say (an MCP request: `/mcp tools/call create_article`), for logs and metrics. */
    operation: string;
    /** What keyed writes use (middleware/idempotency-key.ts). */
    idempotency: IdempotencyKeys;
    /** A write answered at its deadline that goes on behind its answer (middleware/deadline.ts), until it ends. */
    workAfterAnswer: Promise<unknown>;
  };
};
