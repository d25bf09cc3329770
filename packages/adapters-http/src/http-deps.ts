import type { FeatureFlags, UseCases } from '@conduit/app';
import type { IdempotencyKeyRepository, RequestScope, TokenVerifier } from '@conduit/domain';
import type { Health } from './health/health.js';
import type { RepeatWindows } from './middleware/access-log.js';
import type { TenantResolution } from './middleware/tenant-resolution.js';
import type { HttpLogger } from './observability/http-logger.js';
import type { HttpMetrics } from './observability/metrics.js';
import type { ClientAddress } from './rate-limit/client-address.js';
import type { RateLimits } from './rate-limit/rate-limits.types.js';

export type { HttpLogger };

export type HttpConfig = {
  /** Origins allowed by CORS; `['*']` allows any origin (without credentials). */
  readonly corsOrigins: readonly string[];
  /** Largest accepted request body, in bytes. */
  readonly bodyLimitBytes: number;
  /** Largest accepted import body (POST /api/articles/imports, streamed), in bytes. */
  readonly importBodyLimitBytes: number;
  /** Budget of each API request; at the deadline the client gets a 503 problem. */
  readonly requestTimeoutMs: number;
  /** Concurrent requests beyond which new ones are refused with 503 at once. */
  readonly maxInFlight: number;
  /** Serves the Model Context Protocol at /mcp (MCP_ENABLED, on unless "false"). */
  readonly mcpEnabled: boolean;
};

export type HttpDeps = {
  readonly useCases: UseCases;
  /** Which tenant each request's Host names. */
  readonly tenants: TenantResolution;
  /**
   * The request scope: each request enters it at the door (its operation as the workload), then
   * learns its tenant, deadline, actor and idempotency key there, where the adapters read them; the
   * database adds each statement's time, which `Server-Timing` reports.
   */
  readonly scope: RequestScope;
  readonly tokenVerifier: TokenVerifier;
  readonly logger: HttpLogger;
  readonly config: HttpConfig;
  readonly health: Health;
  /** The client's address (behind trusted proxies), recorded with each session a sign-in starts; the socket peer when absent. */
  readonly clientAddress?: ClientAddress;
  /** Request budgets (429 beyond them); absent means no rate limiting. */
  readonly rateLimits?: RateLimits;
  /** Evaluated once per request; the snapshot goes to the use cases in their context. */
  readonly featureFlags: FeatureFlags;
  /**
   * Prometheus metrics, recorded for every request. `serveAt` mounts the scrape endpoint on this
   * app (unauthenticated); without it the composition root serves it elsewhere (another port) or not at all.
   * `exposition` is what the scrape answers: this process's registry unless given (a cluster worker
   * answers with the sum over every worker, from its primary).
   */
  readonly metrics?: { readonly metrics: HttpMetrics; readonly serveAt?: string; readonly exposition?: () => Promise<string> };
  /** Keys of writes and their answers (`Idempotency-Key`); the claim goes to the units of work through `scope`. */
  readonly idempotencyKeys: IdempotencyKeyRepository;
  /**
   * Recognizes failures of a dependency that a client may retry (pool exhausted, statement timeout,
   * database down): answered 503 with Retry-After instead of 500. Supplied by the composition root.
   */
  readonly isDependencyUnavailable: (error: unknown) => boolean;
  /**
   * Told of each such failure, which the access line already records as a 503: the composition
   * root logs the first of a kind in full and counts the rest (an outage fails every request
   * alike). Without it, each is one warning line without a stack.
   */
  readonly onDependencyUnavailable?: (error: unknown) => void;
  /** Summarizes the access lines of 503 answers (first in full, then a count per interval); without it, each is a line. */
  readonly repeatedAnswers?: RepeatWindows;
};
