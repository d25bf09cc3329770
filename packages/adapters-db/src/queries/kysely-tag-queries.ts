import type { TagQueries } from '@conduit/app';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement } from '../kysely/compiled-statement.js';

export class KyselyTagQueries implements TagQueries {
  private readonly byUse: CompiledStatement<Record<string, never>, { name: string }>;

  constructor(private readonly em: EntityManagerSource) {
    this.byUse = new CompiledStatement((db) =>
      db.selectFrom('tags').select('name').where('articles_count', '>', 0).orderBy('articles_count', 'desc').orderBy('name'),
    );
  }

  async all(): Promise<string[]> {
    return (await this.byUse.rows(this.em(), {})).map((row) => row.name);
  }
}
