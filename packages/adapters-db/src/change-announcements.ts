import pg from 'pg';

/** The channel a change of the tenants or their hosts is announced on (NOTIFY, at its commit). */
export const TENANT_CHANGES_CHANNEL = 'conduit_tenants';
/** The channel a change of a publication's flags is announced on, with the tenant's id. */
export const FLAG_CHANGES_CHANNEL = 'conduit_flags';

/** What was announced: on which channel, with what (a tenant's id for flags; nothing for tenants). `missed`: perhaps anything, while no one listened. */
export type Announcement = { readonly channel: string; readonly payload: string } | { readonly missed: true };

/**
 * Hears of changes made by any process (`conduit tenants add`, `conduit flags set`, an admin's
 * route, on any machine) at their commit, on a connection of its own outside the pool (LISTEN holds
 * one) for every channel. Should that connection drop, it connects again after `retryMs`, and
 * reports a missed announcement then: one may have been made meanwhile.
 */
export class ChangeAnnouncements {
  private client: pg.Client | undefined;
  private listener: ((announcement: Announcement) => void) | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly channels: readonly string[],
    private readonly options: { readonly retryMs?: number; readonly onError?: (error: Error) => void } = {},
  ) {}

  /** Calls `listener` on every announcement from now on, until `close`. Resolves once listening. */
  async listen(listener: (announcement: Announcement) => void): Promise<void> {
    this.listener = listener;
    const client = this.connect();
    await this.ready(client);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): pg.Client {
    const client = new pg.Client({ connectionString: this.url, application_name: 'conduit-announcements' });
    client.on('notification', (message) => {
      if (this.channels.includes(message.channel)) this.listener?.({ channel: message.channel, payload: message.payload ?? '' });
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    return client;
  }

  private async ready(client: pg.Client): Promise<void> {
    await client.connect();
    for (const channel of this.channels) await client.query(`listen ${channel}`);
  }

  /** The connection is gone (or never came): once, a new one after the pause. */
  private lost(client: pg.Client, error?: Error): void {
    if (error) this.options.onError?.(error);
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.retry = setTimeout(() => {
      const next = this.connect();
      this.ready(next).then(
        // Whatever changed while no one listened is read again.
        () => this.listener?.({ missed: true }),
        (failure: Error) => this.lost(next, failure),
      );
    }, this.options.retryMs ?? 1_000);
    this.retry.unref();
  }
}
