import { type PolicyDef, p, Routine } from '@mikro-orm/core';

/** The setting that names the current transaction's tenant (set by tenants/tenant-statements.ts). */
export const TENANT_SETTING = 'conduit.tenant';

/**
 * The tenant the current statement runs for, or NULL when none is set: `missing_ok` makes an unknown
 * setting NULL, and `nullif` turns the empty value a setting keeps after its transaction ended into
 * NULL as well. STABLE and a single SELECT, so PostgreSQL inlines it and an index scan takes it as a
 * key. Declared as a whole (`expression`): MikroORM's routine options have no volatility.
 */
export const CURRENT_TENANT_FUNCTION = new Routine({
  name: 'conduit_tenant',
  type: 'function',
  returns: { runtimeType: 'number', columnType: 'int', nullable: true },
  expression: `create function "conduit_tenant"() returns int language sql stable parallel safe as $$ select nullif(current_setting('${TENANT_SETTING}', true), '')::int $$`,
});

/**
 * The publication a row belongs to, on every tenant-owned table. Its default is the tenant the
 * statement runs for (`conduit_tenant()`, the transaction's `conduit.tenant` setting; see
 * tenants/tenant-statements.ts), so no write names it. A statement run without a tenant gets NULL
 * here and is refused.
 */
export const tenantColumn = () => p.integer().defaultRaw('conduit_tenant()');

/**
 * Row-level security of a tenant-owned table: a statement sees, changes and adds only rows of the
 * tenant its transaction runs for; without one, none. Forced, so the tables' owner is held too:
 * only a superuser or a BYPASSRLS role escapes it, and the server runs as neither (see
 * tenants/runtime-role.ts).
 */
export const TENANT_POLICY = { name: 'tenant_isolation', condition: 'tenant_id = conduit_tenant()' } as const;

export const tenantOwned: { rowLevelSecurity: 'force'; policies: PolicyDef[] } = {
  rowLevelSecurity: 'force',
  policies: [{ name: TENANT_POLICY.name, using: TENANT_POLICY.condition, check: TENANT_POLICY.condition }],
};
