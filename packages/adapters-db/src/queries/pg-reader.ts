import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import type { StatementHook } from '../statement-hook-logger.js';

/**
 * The read path talks to the pg pool MikroORM already owns (same connections, same limits), with
 * named prepared statements: each statement is parsed and planned once per connection instead of
 * on every request, and no ORM layer sits between the row and the read model.
 */
export class PgReader {
  private pool: Promise<Pool> | undefined;
  private readonly statements = new Map<string, { name: string; text: string }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly onQuery?: StatementHook,
  ) {}

  async rows<T>(text: string, values: readonly unknown[]): Promise<T[]> {
    this.pool ??= this.orm.em.getConnection().getNativeClient();
    const statement = this.prepare(text);
    const started = performance.now();
    try {
      const result = await (await this.pool).query({ ...statement, values: [...values] });
      return result.rows as T[];
    } finally {
      this.onQuery?.(text, performance.now() - started);
    }
  }

  /**
   * Queries are written with `?` placeholders in textual order (as everywhere else in this adapter)
   * and numbered for PostgreSQL once. The name derives from the text, so one name can never mean
   * two statements.
   */
  private prepare(source: string): { name: string; text: string } {
    let statement = this.statements.get(source);
    if (statement === undefined) {
      let position = 0;
      statement = {
        name: `conduit_${createHash('sha256').update(source).digest('hex').slice(0, 24)}`,
        text: source.replace(/\?/g, () => `$${++position}`),
      };
      this.statements.set(source, statement);
    }
    return statement;
  }
}
