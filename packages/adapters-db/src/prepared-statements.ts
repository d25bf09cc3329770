import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Statements sent with parameters are prepared once per connection, under a name derived from their
 * text, so PostgreSQL parses and plans them once instead of on every request. Those are the compiled
 * Kysely statements of the read models and counters (a couple of dozen texts); MikroORM sends its
 * own statements with their values inlined, so they are left as they are and cannot fill the
 * per-connection statement cache. Installed through MikroORM's `onPoolCreated` hook; pg keeps the
 * prepared names per connection and re-prepares on a new one by itself.
 */
export const prepareParameterizedStatements = (pool: Pool): void => {
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (name === undefined) {
      name = `conduit_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query: unknown = client.query;
    if (typeof query !== 'function') return;
    // Kysely calls `query(text, values)`; everything else (configs, callbacks, no values) passes through.
    Reflect.set(client, 'query', (...args: unknown[]): unknown => {
      const [text, values] = args;
      if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        return Reflect.apply(query, client, [{ name: nameOf(text), text, values }]);
      }
      return Reflect.apply(query, client, args);
    });
  });
};
