import type { TagQueries } from '@conduit/app';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement } from '../kysely/compiled-statement.js';

export class KyselyTagQueries implements TagQueries {
  private readonly byUse: CompiledStatement<Record<string, never>, { tag: string }>;

  constructor(private readonly em: EntityManagerSource) {
    this.byUse = new CompiledStatement((db) =>
      db
        .selectFrom('article_tags')
        .select('tag')
        .groupBy('tag')
        .orderBy((eb) => eb.fn.countAll(), 'desc')
        .orderBy('tag'),
    );
  }

  async all(): Promise<string[]> {
    return (await this.byUse.rows(this.em(), {})).map((row) => row.tag);
  }
}
