import type { JobId, JobItemRepository } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { itemBlocks, staged } from './job-item-statements.js';

/**
 * Items in `job_items`, a block of lines per row (one row per staged chunk, not per item: an import
 * of a million items is a thousand rows). A job's items are dropped when it ends.
 */
export class KyselyJobItemRepository implements JobItemRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async stage(id: JobId, first: number, items: readonly string[]): Promise<void> {
    if (items.length === 0) return;
    if (items.some((item) => item.includes('\n'))) throw new Error('A job item must be one line of JSON text');
    await staged.rows(this.em(), { id, first, count: items.length, body: items.join('\n') });
  }

  async read(id: JobId, after: number, limit: number): Promise<string[]> {
    const blocks = await itemBlocks.rows(this.em(), { id, after, last: after + limit });
    const items: string[] = [];
    for (const block of blocks) {
      const lines = block.body.split('\n');
      const from = Math.max(after + 1 - block.first_item, 0);
      items.push(...lines.slice(from, from + limit - items.length));
    }
    return items;
  }
}
