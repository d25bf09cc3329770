import pg from 'pg';

/**
 * Readiness on a connection of its own, outside the pool: when requests waiting on one slow table
 * hold every pooled connection, the instance can still serve other routes, and must not report
 * itself unready (every replica would fail readiness at once). The connection is opened on first
 * use and again after any failure.
 */
export class DatabaseProbe {
  private client: pg.Client | undefined;

  constructor(private readonly databaseUrl: string) {}

  /** Resolves true when PostgreSQL answers `select 1` within the timeout; never rejects. */
  async ping(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const ping = (async () => {
      const client = await this.connected(timeoutMs);
      await client.query('select 1');
      return true;
    })().catch(() => {
      this.discard();
      return false;
    });
    try {
      return await Promise.race([ping, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connected(timeoutMs: number): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      application_name: 'conduit-readiness',
    });
    client.on('error', () => this.discard());
    this.client = client;
    await client.connect();
    return client;
  }

  private discard(): void {
    const client = this.client;
    this.client = undefined;
    client?.end().catch(() => undefined);
  }
}
