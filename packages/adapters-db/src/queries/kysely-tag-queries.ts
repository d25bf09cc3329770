import type { TagQueries } from '@conduit/app';
import { sql } from 'kysely';
import type { ReadSource } from '../entity-manager.js';
import { CompiledStatement } from '../kysely/compiled-statement.js';

// One row holding the whole list as JSON, built by PostgreSQL while it walks the in-use index:
// the driver then reads one value instead of a row per tag (with many tags, row by row cost the
// server most of the request's CPU, parsing rows and collecting their garbage; docs/benchmarks.md).
const byUse = new CompiledStatement((db) =>
  db
    .selectFrom((db) =>
      db.selectFrom('tags').select('name').where('articles_count', '>', 0).orderBy('articles_count', 'desc').orderBy('name').as('t'),
    )
    .select(sql<string[]>`coalesce(json_agg(t.name), '[]')`.as('names')),
);

export class KyselyTagQueries implements TagQueries {
  constructor(private readonly em: ReadSource) {}

  async all(): Promise<string[]> {
    // The driver parses the JSON value.
    return (await byUse.first(this.em(), {}))?.names ?? [];
  }
}
