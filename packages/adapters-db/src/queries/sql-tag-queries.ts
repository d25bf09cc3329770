import type { TagQueries } from '@conduit/app';
import type { PgReader } from './pg-reader.js';

export class SqlTagQueries implements TagQueries {
  constructor(private readonly reader: PgReader) {}

  async all(): Promise<string[]> {
    const rows = await this.reader.rows<{ tag: string }>(
      'select tag from article_tags group by tag order by count(*) desc, tag',
      [],
    );
    return rows.map((row) => row.tag);
  }
}
