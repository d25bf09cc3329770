import { type Clock, DEFAULT_TENANT, hostOfHeader, type Tenant, type TenantId, type TenantRepository, wildcardOf } from '@conduit/domain';

export type TenantDirectoryOptions = {
  /** How long a read of the tenants' hosts serves before the next is started (a new tenant is served within this). */
  readonly refreshMs: number;
  /** A host no tenant is mapped to: the default tenant's, or nobody's (the transport refuses it). */
  readonly unknownHost: 'default' | 'reject';
};

/** Hosts to tenants (exact names and `*.domain` wildcards), and ids to tenants, as read at one moment. */
type Snapshot = { readonly hosts: ReadonlyMap<string, Tenant>; readonly byId: ReadonlyMap<TenantId, Tenant> };

/**
 * Which tenant a request's Host names, resolved once per request by the transport. The hosts are
 * read whole (a few rows per tenant) and kept in memory: resolving costs no statement per request.
 * They are read again when a change is announced (`changed`, PostgreSQL's NOTIFY at the change's
 * commit), and in any case every `refreshMs`, in the background while the last read keeps serving
 * (a missed announcement costs at most that long). Only the first request waits for the first
 * read; a failed read keeps the last one and is retried.
 */
export class TenantDirectory {
  private snapshot: Snapshot | undefined;
  /** Told that the tenants changed (changed()): the next resolution reads them first. */
  private dirty = false;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<Snapshot> | undefined;

  constructor(
    private readonly deps: { readonly tenants: TenantRepository; readonly clock: Clock },
    private readonly options: TenantDirectoryOptions,
  ) {}

  /** The tenant `hostHeader` names; null when it names none and unknown hosts are refused. */
  async resolve(hostHeader: string | undefined): Promise<Tenant | null> {
    const { hosts } = await this.current();
    const host = hostOfHeader(hostHeader);
    const mapped = host === null ? undefined : (hosts.get(host) ?? hosts.get(wildcardOf(host) ?? ''));
    if (mapped) return mapped;
    return this.options.unknownHost === 'default' ? DEFAULT_TENANT : null;
  }

  /** The tenant of `id` (a queued job's), read afresh when not known yet; null when there is none (removed). */
  async byId(id: TenantId): Promise<Tenant | null> {
    const known = (await this.current()).byId.get(id);
    if (known) return known;
    return (await this.read()).byId.get(id) ?? null;
  }

  /** Every tenant, as last read. */
  async all(): Promise<Tenant[]> {
    return [...(await this.read()).byId.values()];
  }

  /**
   * The tenants changed (another process said so at its commit): the next resolution waits for a
   * fresh read, so a tenant added a moment ago is served from its first request.
   */
  changed(): void {
    this.dirty = true;
    void this.read().catch(() => undefined);
  }

  private async current(): Promise<Snapshot> {
    if (this.dirty) return this.read();
    const stale = this.deps.clock.now().getTime() - this.readAt >= this.options.refreshMs;
    if (this.snapshot !== undefined) {
      if (stale) void this.read().catch(() => undefined);
      return this.snapshot;
    }
    return this.read();
  }

  private read(): Promise<Snapshot> {
    this.reading ??= (async () => {
      try {
        this.dirty = false;
        const tenants = await this.deps.tenants.all();
        const hosts = new Map<string, Tenant>();
        const byId = new Map<TenantId, Tenant>();
        for (const { hosts: names, ...tenant } of tenants) {
          byId.set(tenant.id, tenant);
          for (const host of names) hosts.set(host, tenant);
        }
        this.snapshot = { hosts, byId };
        this.readAt = this.deps.clock.now().getTime();
        return this.snapshot;
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }
}
