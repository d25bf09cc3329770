import { defineEntity, p } from '@mikro-orm/core';

/**
 * A publication hosted on this deployment. Not tenant-owned itself (no row-level security): the
 * server reads it to learn which tenant a request's Host names, before any tenant is chosen. Tenant 1
 * (`default`) holds what existed before tenants and serves every host that is not mapped.
 */
export const TenantRecord = defineEntity({
  name: 'TenantRecord',
  tableName: 'tenants',
  properties: {
    id: p.integer().primary().autoincrement(),
    slug: p.string().length(63).unique('tenants_slug_unique'),
    createdAt: p.datetime(3),
  },
});

export type TenantRecord = InstanceType<typeof TenantRecord.class>;
