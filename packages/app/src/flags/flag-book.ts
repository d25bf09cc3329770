import { type Clock, type FlagStates, indexFlagSettings, type Tenant, type TenantId } from '@conduit/domain';

export type FlagBookOptions = {
  /** How long a publication's settings serve before they are read again in the background. */
  readonly refreshMs: number;
};

/** The reads a book makes: one publication's settings. */
export type ReadFlagStates = (tenant: Tenant) => Promise<FlagStates>;

/** When the book had to answer without a fresh read, and when it could read again: said once each. */
export type FlagBookListener = {
  readonly unreadable: (error: unknown) => void;
  readonly readable: () => void;
};

/** A publication's settings as last read (none until a read succeeds), and the read under way. */
type Entry = { states?: FlagStates; readAt: number; dirty: boolean; reading?: Promise<FlagStates> };

/**
 * Each publication's flag settings, kept in memory so that a flag costs no statement on a
 * request's path. A publication's settings are read on its first evaluation, again when a change
 * is announced (`changed`, PostgreSQL's NOTIFY at the change's commit: the next evaluation waits
 * for the fresh read, so a change is seen from the next request), and every `refreshMs` in the
 * background (a missed announcement costs at most that long). A read that fails keeps the last
 * settings read; with none yet, the evaluation fails and the caller falls back to the defaults.
 */
export class FlagBook {
  private readonly entries = new Map<TenantId, Entry>();
  private failing = false;

  constructor(
    private readonly read: ReadFlagStates,
    private readonly deps: { readonly clock: Clock; readonly listener?: FlagBookListener },
    private readonly options: FlagBookOptions,
  ) {}

  /** The settings of `tenant`, as last read (or read now: the first time, and after an announced change). */
  async statesOf(tenant: Tenant): Promise<FlagStates> {
    const entry = this.entries.get(tenant.id);
    if (entry?.states === undefined || entry.dirty) return this.readNow(tenant);
    if (this.now() - entry.readAt >= this.options.refreshMs) void this.readNow(tenant).catch(() => undefined);
    return entry.states;
  }

  /** A change was announced for `tenantId` (or, when unknown which, for every publication). */
  changed(tenantId?: TenantId): void {
    for (const [id, entry] of this.entries) if (tenantId === undefined || id === tenantId) entry.dirty = true;
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private readNow(tenant: Tenant): Promise<FlagStates> {
    let entry = this.entries.get(tenant.id);
    if (entry === undefined) {
      entry = { readAt: Number.NEGATIVE_INFINITY, dirty: true };
      this.entries.set(tenant.id, entry);
    }
    // A read under way began before the change now announced: the next one follows it.
    if (entry.reading) return entry.dirty ? entry.reading.catch(() => undefined).then(() => this.readNow(tenant)) : entry.reading;
    const kept = entry;
    // Marked read before the read: an announcement during it marks the entry again.
    kept.dirty = false;
    kept.reading = this.read(tenant)
      .then(
        (states) => {
          kept.states = states;
          kept.readAt = this.now();
          this.sayReadable();
          return states;
        },
        (error: unknown) => {
          this.sayUnreadable(error);
          if (kept.states === undefined) {
            kept.dirty = true;
            throw error;
          }
          // The last settings read go on serving; the next evaluation after `refreshMs` tries again.
          kept.readAt = this.now();
          return kept.states;
        },
      )
      .finally(() => {
        kept.reading = undefined;
      });
    return kept.reading;
  }

  private sayUnreadable(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.deps.listener?.unreadable(error);
  }

  private sayReadable(): void {
    if (!this.failing) return;
    this.failing = false;
    this.deps.listener?.readable();
  }
}

/** A book's read over the flag repository, in the publication's scope. */
export const readFlagStatesWith =
  (runIn: <T>(tenant: Tenant, work: () => Promise<T>) => Promise<T>, settings: () => Promise<Parameters<typeof indexFlagSettings>[0]>) =>
  (tenant: Tenant): Promise<FlagStates> =>
    runIn(tenant, async () => indexFlagSettings(await settings()));
