import { defineEntity, p } from '@mikro-orm/core';
import { TenantRecord } from './tenant.record.js';

/** A host name (lower case, no port) that a tenant is served at: `blog.example.com`, or `*.example.com` for any one label there. */
export const TenantHostRecord = defineEntity({
  name: 'TenantHostRecord',
  tableName: 'tenant_hosts',
  properties: {
    host: p.string().length(253).primary(),
    tenant: () => p.manyToOne(TenantRecord).deleteRule('cascade').index('tenant_hosts_tenant_index'),
  },
});

export type TenantHostRecord = InstanceType<typeof TenantHostRecord.class>;
