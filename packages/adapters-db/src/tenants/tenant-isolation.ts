/** Every table whose rows belong to one tenant (records/tenant-column.ts: `tenantOwned`): all but the tenants themselves and the migrations' log. */
export const TENANT_OWNED_TABLES = [
  'users',
  'follows',
  'articles',
  'article_tags',
  'favorites',
  'comments',
  'tags',
  'article_periods',
  'jobs',
  'job_items',
  'job_idempotency_keys',
  'job_results',
  'idempotency_keys',
  'sessions',
  'feature_flags',
  'feature_flag_changes',
] as const;

export type TenantOwnedTable = (typeof TENANT_OWNED_TABLES)[number];
