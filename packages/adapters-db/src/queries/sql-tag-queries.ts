import type { TagQueries } from '@conduit/app';
import type { EntityManagerSource } from '../entity-manager.js';

export class SqlTagQueries implements TagQueries {
  constructor(private readonly em: EntityManagerSource) {}

  async all(): Promise<string[]> {
    const rows = await this.em().execute<{ tag: string }[]>(
      'select tag from article_tags group by tag order by count(*) desc, tag',
    );
    return rows.map((row) => row.tag);
  }
}
