import type { ResultAsync } from 'neverthrow';
import type { Authorized } from '../shared/authorized.js';
import type { TenantHostTaken, TenantSlugTaken } from './tenant.errors.js';
import type { Tenant, TenantHost, TenantSlug, TenantWithHosts } from './tenant.js';

/** The tenants and their host names: not any tenant's data, so readable before a tenant is chosen. */
export interface TenantRepository {
  /** Every tenant with its hosts, by id: what a server resolves hosts from. */
  all(): Promise<TenantWithHosts[]>;
  bySlug(slug: string): Promise<Tenant | null>;
  /** Only names and hosts the domain's checks made (checkTenantSlug, checkTenantHost). */
  add(
    slug: TenantSlug,
    hosts: readonly TenantHost[],
    allowed: Authorized<'tenant:manage'>,
  ): ResultAsync<TenantWithHosts, TenantSlugTaken | TenantHostTaken>;
  /** Removes the tenant and its hosts; its data must be gone already (TenantContents.purge). */
  remove(tenant: Tenant, allowed: Authorized<'tenant:manage'>): Promise<void>;
}

/** The current tenant's data as a whole (every tenant-owned table), for removing a tenant. */
export interface TenantContents {
  isEmpty(): Promise<boolean>;
  /** Deletes every row of the current tenant; returns how many. */
  purge(allowed: Authorized<'tenant:manage'>): Promise<number>;
}

/**
 * Runs `work` for `tenant`: every port it uses sees that tenant's data and no other. A boundary
 * concern the composition root supplies (the same scope a request's Host or a command's --tenant enters).
 */
export type RunInTenant = <T>(tenant: Tenant, work: () => Promise<T>) => Promise<T>;
