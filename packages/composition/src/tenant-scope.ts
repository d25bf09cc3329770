import { AsyncLocalStorage } from 'node:async_hooks';
import type { RunInTenant, Tenant, TenantId } from '@conduit/domain';

/**
 * The tenant the current work runs for, kept across its awaits: a request's (resolved from its Host
 * by the transport), a command's (--tenant), a job's (queued with it). The database adapter reads it
 * for every statement (row-level security then shows that tenant's rows alone); the in-memory
 * adapters pick that tenant's store. Work outside any scope runs for no tenant: on PostgreSQL it
 * sees no tenant's data at all.
 */
export class TenantScope {
  private readonly storage = new AsyncLocalStorage<Tenant>();

  /** Runs `work` for `tenant`; what it starts (awaits, timers, streams) stays in that tenant. */
  run<T>(tenant: Tenant, work: () => T): T {
    return this.storage.run(tenant, work);
  }

  readonly runIn: RunInTenant = (tenant, work) => this.run(tenant, work);

  readonly current = (): Tenant | undefined => this.storage.getStore();

  readonly currentId = (): TenantId | undefined => this.storage.getStore()?.id;
}
