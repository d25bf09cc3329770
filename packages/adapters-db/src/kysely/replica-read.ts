import type { EntityManager } from '@mikro-orm/postgresql';
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import { type Database, kyselyOf } from './database.js';

/**
 * A read on a replica's pool. The entity manager is the primary's: its logger reports the statement
 * and its driver names the failures, as for every other statement; a read the replica cannot serve
 * runs again on the primary.
 */
export class ReplicaRead {
  constructor(
    /** The replica's name, as metrics show it. */
    readonly name: string,
    readonly em: EntityManager,
    private readonly db: Kysely<Database>,
    private readonly failed: (error: unknown) => boolean,
    private readonly served: () => void,
  ) {}

  async execute<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const result = await this.db.executeQuery<R>(query);
      this.served();
      return result;
    } catch (error) {
      if (!this.failed(error)) throw error;
      return kyselyOf(this.em).executeQuery<R>(query);
    }
  }
}
