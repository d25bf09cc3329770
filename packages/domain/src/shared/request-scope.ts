import type { Tenant, TenantId } from '../tenants/tenant.js';
import type { Actor, SystemActor } from './actor.js';
import type { Deadline } from './deadline.js';
import type { IdempotencyClaim } from './idempotency.js';

/**
 * What the reads of the current work must see: at least a position of the primary's log (its
 * session's last write), or the primary itself (the work wrote, or that position is unknown).
 */
export type ReadFloor = { readonly kind: 'position'; readonly position: bigint } | { readonly kind: 'primary' };

/** The trace the work belongs to (W3C trace context ids), for log lines and for what it calls. */
export type TraceIds = { readonly traceId: string; readonly spanId: string };

/**
 * What a piece of work learns as it runs, shared by every scope nested in it (a purge run for
 * another tenant inside a command still counts its database time to that command).
 */
export type WorkProgress = {
  /** Who the work runs as, once the door knows (a request after its token was checked). */
  actor?: Actor | SystemActor;
  /** Past it the work is no longer wanted; its units of work honour it. */
  deadline?: Deadline;
  /** The write's idempotency key, which its units of work claim. */
  idempotencyClaim?: IdempotencyClaim;
  /** What its reads must see, with read replicas. */
  readFloor?: ReadFloor;
  /** The sessions it runs in or started, whose next requests must see what it wrote. */
  readonly sessions: Set<string>;
  /** Time spent in the database so far, every statement included. */
  databaseMs: number;
};

/** What the work runs for, fixed when its scope is entered, and what it learns as it runs. */
export type ScopedWork = {
  /** The tenant whose data it sees; none outside any tenant (on PostgreSQL: no tenant's rows at all). */
  readonly tenant?: Tenant;
  /** What it does (an operation's name, a job's queue), for the database's per-workload budgets. */
  readonly workload?: string;
  readonly trace?: TraceIds;
  readonly progress: WorkProgress;
};

/** What a door fixes when it enters a scope; a nested scope changes only what it names. */
export type ScopeFacts = Partial<Pick<ScopedWork, 'tenant' | 'workload' | 'trace'>>;

/**
 * The one request scope: what the current work runs for (an HTTP request, an MCP call, a CLI command,
 * a job run), kept across its awaits without being passed by hand. Each driver enters it once at its
 * door; the adapters that need a fact read it here. A new per-request fact is one field above.
 */
export interface RequestScope {
  /**
   * Runs `work` in a scope: outside any, new work with `facts` (the door); inside one, the same work
   * with `facts` changed (a tenant's purge inside a command), whose progress stays shared.
   */
  run<T>(facts: ScopeFacts, work: () => T): T;
  /** Runs `work` as new work, even inside a scope: what it learns is its own (each job of a batch). */
  runApart<T>(facts: ScopeFacts, work: () => T): T;
  /** The current work; outside any door, the process's own (no tenant, one progress for the process). */
  current(): ScopedWork;
  /** The current tenant's id, if the work runs for one. */
  readonly currentTenantId: () => TenantId | undefined;
}

/** Where a scope keeps its work across awaits: Node's `AsyncLocalStorage` is one. */
export interface ContextStorage<T> {
  run<R>(store: T, callback: () => R): R;
  getStore(): T | undefined;
}

const freshProgress = (): WorkProgress => ({ sessions: new Set(), databaseMs: 0 });

/** The request scope over a context storage (the composition root hands it Node's). */
export class StoredRequestScope implements RequestScope {
  private outside: ScopedWork = { progress: freshProgress() };

  /**
   * `outsideTenant`: the tenant of work outside any door, where a test composition has a default
   * one; a process has none (its work outside a door sees no tenant's data).
   */
  constructor(
    private readonly storage: ContextStorage<ScopedWork>,
    private readonly outsideTenant: () => Tenant | undefined = () => undefined,
  ) {}

  run<T>(facts: ScopeFacts, work: () => T): T {
    const parent = this.storage.getStore();
    return this.storage.run(parent ? { ...parent, ...facts } : { ...facts, progress: freshProgress() }, work);
  }

  runApart<T>(facts: ScopeFacts, work: () => T): T {
    return this.storage.run({ ...facts, progress: freshProgress() }, work);
  }

  current(): ScopedWork {
    return this.storage.getStore() ?? this.outsideWork();
  }

  readonly currentTenantId = (): TenantId | undefined => this.current().tenant?.id;

  private outsideWork(): ScopedWork {
    const tenant = this.outsideTenant();
    if (this.outside.tenant !== tenant) this.outside = { ...(tenant ? { tenant } : {}), progress: this.outside.progress };
    return this.outside;
  }
}
