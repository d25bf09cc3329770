import { type Authorized, assertAuthorized, type TenantContents } from '@conduit/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { kyselyOf } from '../kysely/database.js';
import { TENANT_OWNED_TABLES, type TenantOwnedTable } from './tenant-isolation.js';
import { TENANT } from './tenant-predicates.js';

/**
 * Deleted in this order, each table before those it references, so no cascade deletes what a later
 * statement would count again; the article periods last, after the articles' trigger counted them down.
 */
const PURGE_ORDER: readonly TenantOwnedTable[] = [
  'job_results',
  'job_items',
  'job_idempotency_keys',
  'jobs',
  'idempotency_keys',
  'sessions',
  'comments',
  'favorites',
  'article_tags',
  'articles',
  'article_periods',
  'tags',
  'follows',
  'users',
  'feature_flags',
  'feature_flag_changes',
];

/**
 * The current tenant's rows in every tenant-owned table. Every statement here names the tenant in
 * scope (`where tenant_id = …`, filled in by the pool like the predicates of tenant-predicates.ts),
 * and row-level security confines it to that tenant's rows as well: either alone keeps a purge to
 * one publication.
 */
export class PostgresTenantContents implements TenantContents {
  constructor(private readonly em: () => EntityManager) {
    if (PURGE_ORDER.length !== TENANT_OWNED_TABLES.length) throw new Error('PURGE_ORDER must name every tenant-owned table');
  }

  async isEmpty(): Promise<boolean> {
    const any = sql.join(
      TENANT_OWNED_TABLES.map((table) => sql`exists (select from ${sql.table(table)} where tenant_id = ${TENANT})`),
      sql` or `,
    );
    const result = await sql<{ any: boolean }>`select ${any} as any`.execute(kyselyOf(this.em()));
    return result.rows[0]?.any !== true;
  }

  async purge(allowed: Authorized<'tenant:manage'>): Promise<number> {
    assertAuthorized(allowed, 'tenant:manage', allowed.subject);
    return this.em().transactional(async (em) => {
      let rows = 0;
      for (const table of PURGE_ORDER) {
        const result = await sql`delete from ${sql.table(table)} where tenant_id = ${TENANT}`.execute(kyselyOf(em));
        rows += Number(result.numAffectedRows ?? 0n);
      }
      return rows;
    });
  }
}
