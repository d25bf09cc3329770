import {
  type Authorized,
  assertAuthorized,
  type Tenant,
  type TenantHostTaken,
  type TenantRepository,
  type TenantSlugTaken,
  type TenantWithHosts,
  tenantId,
} from '@conduit/domain';
import { sql } from 'kysely';
import { errAsync, ResultAsync } from 'neverthrow';
import { TENANT_CHANGES_CHANNEL } from '../change-announcements.js';
import type { EntityManagerSource } from '../entity-manager.js';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { violatedUniqueConstraint } from '../unique-violation.js';

const hostsOf = sql<string[]>`coalesce(array_agg(h.host order by h.host) filter (where h.host is not null), '{}')`;

const all = new CompiledStatement((db) =>
  db
    .selectFrom('tenants as t')
    .leftJoin('tenant_hosts as h', 'h.tenant_id', 't.id')
    .select(['t.id', 't.slug', hostsOf.as('hosts')])
    .groupBy('t.id')
    .orderBy('t.id'),
);

const bySlug = new CompiledStatement((db, slot: SlotOf<{ slug: string }>) =>
  db.selectFrom('tenants').select(['id', 'slug']).where('slug', '=', slot('slug')),
);

/** The tenant and its hosts in one statement: both or neither. */
const added = new CompiledStatement((db, slot: SlotOf<{ slug: string; hosts: string[] }>) =>
  db
    .with('t', (db) =>
      db
        .insertInto('tenants')
        .values({ slug: slot('slug'), created_at: sql`now()` })
        .returning(['id', 'slug']),
    )
    .with('h', (db) =>
      db
        .insertInto('tenant_hosts')
        .columns(['host', 'tenant_id'])
        .expression((eb) => eb.selectFrom('t').select([sql<string>`unnest(${slot('hosts')}::text[])`.as('host'), 't.id']))
        .returning('host'),
    )
    .selectFrom('t')
    .select([
      't.id',
      't.slug',
      (eb) => eb.selectFrom('h').select(sql<string[]>`coalesce(array_agg(h.host order by h.host), '{}')`.as('hosts')).as('hosts'),
    ]),
);

const removed = new CompiledStatement((db, slot: SlotOf<{ id: number }>) => db.deleteFrom('tenants').where('id', '=', slot('id')));

/** Tells every server's directory (change-announcements.ts) that the tenants changed. */
const announced = new CompiledStatement((db) => db.selectNoFrom(sql<string>`pg_notify(${TENANT_CHANGES_CHANNEL}, '')`.as('sent')));

/** `tenants` and `tenant_hosts`: no tenant's data, so no row-level security; read before a tenant is chosen. */
export class KyselyTenantRepository implements TenantRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async all(): Promise<TenantWithHosts[]> {
    return (await all.rows(this.em(), {})).map((row) => ({ id: tenantId(row.id), slug: row.slug, hosts: row.hosts }));
  }

  async bySlug(slug: string): Promise<Tenant | null> {
    const row = await bySlug.first(this.em(), { slug });
    return row ? { id: tenantId(row.id), slug: row.slug } : null;
  }

  add(
    slug: string,
    hosts: readonly string[],
    allowed: Authorized<'tenant:manage'>,
  ): ResultAsync<TenantWithHosts, TenantSlugTaken | TenantHostTaken> {
    assertAuthorized(allowed, 'tenant:manage', slug);
    return ResultAsync.fromPromise(added.first(this.em(), { slug, hosts: [...hosts] }), (error) => error)
      .andThen(
        (row): ResultAsync<TenantWithHosts, TenantSlugTaken | TenantHostTaken> => {
          if (row === undefined) throw new Error('the tenant insert returned no row');
          const tenant = { id: tenantId(row.id), slug: row.slug, hosts: row.hosts ?? [] };
          return ResultAsync.fromSafePromise(announced.rows(this.em(), {}).then(() => tenant));
        },
        // A taken slug or host is the store's answer; anything else is a defect, thrown again.
      )
      .orElse((error) => {
        const constraint = violatedUniqueConstraint(error);
        if (constraint === 'tenants_slug_unique') return errAsync({ type: 'TenantSlugTaken', slug } as const);
        if (constraint === 'tenant_hosts_pkey') {
          const host = /\(host\)=\(([^)]*)\)/.exec(String(Reflect.get(Object(error), 'detail')))?.[1] ?? hosts.join(', ');
          return errAsync({ type: 'TenantHostTaken', host } as const);
        }
        throw error;
      });
  }

  async remove(tenant: Tenant, allowed: Authorized<'tenant:manage'>): Promise<void> {
    assertAuthorized(allowed, 'tenant:manage', tenant.slug);
    await removed.rows(this.em(), { id: tenant.id });
    await announced.rows(this.em(), {});
  }
}
