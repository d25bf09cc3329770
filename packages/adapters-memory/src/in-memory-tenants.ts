import {
  type Authorized,
  assertAuthorized,
  DEFAULT_TENANT,
  type Tenant,
  type TenantContents,
  type TenantHostTaken,
  type TenantId,
  type TenantRepository,
  type TenantSlugTaken,
  type TenantWithHosts,
  tenantId,
} from '@conduit/domain';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import type { InMemoryStore } from './in-memory-store.js';

/** The tenants and their hosts, as the PostgreSQL adapter keeps them: the default tenant exists from the start. */
export class InMemoryTenantRepository implements TenantRepository {
  private readonly tenants = new Map<TenantId, TenantWithHosts>([[DEFAULT_TENANT.id, { ...DEFAULT_TENANT, hosts: [] }]]);
  private sequence: number = DEFAULT_TENANT.id;

  async all(): Promise<TenantWithHosts[]> {
    return [...this.tenants.values()].map((tenant) => ({ ...tenant, hosts: [...tenant.hosts].sort() }));
  }

  async bySlug(slug: string): Promise<Tenant | null> {
    const tenant = [...this.tenants.values()].find((candidate) => candidate.slug === slug);
    return tenant ? { id: tenant.id, slug: tenant.slug } : null;
  }

  add(
    slug: string,
    hosts: readonly string[],
    allowed: Authorized<'tenant:manage'>,
  ): ResultAsync<TenantWithHosts, TenantSlugTaken | TenantHostTaken> {
    assertAuthorized(allowed, 'tenant:manage', slug);
    if ([...this.tenants.values()].some((tenant) => tenant.slug === slug)) return errAsync({ type: 'TenantSlugTaken', slug } as const);
    const taken = hosts.find((host) => [...this.tenants.values()].some((tenant) => tenant.hosts.includes(host)));
    if (taken !== undefined) return errAsync({ type: 'TenantHostTaken', host: taken } as const);
    this.sequence += 1;
    const tenant = { id: tenantId(this.sequence), slug, hosts: [...hosts].sort() };
    this.tenants.set(tenant.id, tenant);
    return okAsync(tenant);
  }

  async remove(tenant: Tenant, allowed: Authorized<'tenant:manage'>): Promise<void> {
    assertAuthorized(allowed, 'tenant:manage', tenant.slug);
    this.tenants.delete(tenant.id);
  }
}

/** How many entries a store holds, over every kind. */
const entriesOf = (store: InMemoryStore): number =>
  store.users.size +
  store.sessions.size +
  store.follows.size +
  store.articles.size +
  store.favorites.size +
  store.comments.size +
  store.jobs.size +
  store.idempotencyKeys.size +
  store.writeKeys.size;

/** The current tenant's store as a whole: `purge` empties it. */
export class InMemoryTenantContents implements TenantContents {
  constructor(
    private readonly current: () => InMemoryStore,
    private readonly empty: () => void,
  ) {}

  async isEmpty(): Promise<boolean> {
    return entriesOf(this.current()) === 0;
  }

  async purge(allowed: Authorized<'tenant:manage'>): Promise<number> {
    assertAuthorized(allowed, 'tenant:manage', allowed.subject);
    const rows = entriesOf(this.current());
    this.empty();
    return rows;
  }
}
