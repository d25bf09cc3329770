import pg from 'pg';

/** The channel a change of the tenants or their hosts is announced on (NOTIFY, at its commit). */
export const TENANT_CHANGES_CHANNEL = 'conduit_tenants';

/**
 * Hears of changes to the tenants made by any process (`conduit tenants add`, on any machine) at
 * their commit, on a connection of its own outside the pool (LISTEN holds one). Should that
 * connection drop, it connects again after `retryMs`, and reports a change then too: one may have
 * been missed meanwhile.
 */
export class TenantChanges {
  private client: pg.Client | undefined;
  private listener: (() => void) | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly options: { readonly retryMs?: number; readonly onError?: (error: Error) => void } = {},
  ) {}

  /** Calls `listener` on every change from now on, until `close`. Resolves once listening. */
  async listen(listener: () => void): Promise<void> {
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
    const client = new pg.Client({ connectionString: this.url, application_name: 'conduit-tenants' });
    client.on('notification', (message) => {
      if (message.channel === TENANT_CHANGES_CHANNEL) this.listener?.();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    return client;
  }

  private async ready(client: pg.Client): Promise<void> {
    await client.connect();
    await client.query(`listen ${TENANT_CHANGES_CHANNEL}`);
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
        () => this.listener?.(),
        (failure: Error) => this.lost(next, failure),
      );
    }, this.options.retryMs ?? 1_000);
    this.retry.unref();
  }
}
