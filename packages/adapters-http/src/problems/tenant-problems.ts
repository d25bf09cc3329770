import type { ProblemTable } from './problem-table.js';

/** Tenants (publications) and their administration. Rows of the one table (app-error-problem.ts). */
export const tenantProblems = {
  TenantAdminForbidden: {
    status: 403,
    describe: () => ({
      code: 'TENANT_ADMIN_FORBIDDEN',
      title: 'Forbidden',
      detail: 'Tenants are managed by operators from the command line only.',
      errors: { tenant: ['forbidden'] },
    }),
  },
  TenantSlugInvalid: {
    status: 422,
    describe: (error) => ({
      code: 'TENANT_SLUG_INVALID',
      title: 'Invalid tenant name',
      detail: `"${error.slug}" is not a tenant name: lower-case letters, digits and inner hyphens, 63 at most.`,
      errors: { slug: ['is invalid'] },
    }),
  },
  TenantHostInvalid: {
    status: 422,
    describe: (error) => ({
      code: 'TENANT_HOST_INVALID',
      title: 'Invalid host name',
      detail: `"${error.host}" is not a host name (or a *.domain wildcard).`,
      errors: { host: ['is invalid'] },
    }),
  },
  TenantSlugTaken: {
    status: 409,
    describe: (error) => ({
      code: 'TENANT_SLUG_TAKEN',
      title: 'Tenant exists',
      detail: `A tenant named "${error.slug}" exists.`,
      errors: { slug: ['has already been taken'] },
    }),
  },
  TenantHostTaken: {
    status: 409,
    describe: (error) => ({
      code: 'TENANT_HOST_TAKEN',
      title: 'Host taken',
      detail: `${error.host} already serves another tenant.`,
      errors: { host: ['has already been taken'] },
    }),
  },
  TenantNotFound: {
    status: 404,
    describe: (error) => ({
      code: 'TENANT_NOT_FOUND',
      title: 'Tenant not found',
      detail: `No tenant is named "${error.slug}".`,
      errors: { tenant: ['not found'] },
    }),
  },
  TenantNotEmpty: {
    status: 409,
    describe: (error) => ({
      code: 'TENANT_NOT_EMPTY',
      title: 'Tenant holds data',
      detail: `Tenant "${error.slug}" still holds data; remove it with --purge to delete that data too.`,
      errors: { tenant: ['holds data'] },
    }),
  },
  DefaultTenantKept: {
    status: 409,
    describe: () => ({
      code: 'DEFAULT_TENANT_KEPT',
      title: 'Default tenant kept',
      detail: 'The default tenant serves every unmapped host and cannot be removed.',
      errors: { tenant: ['is the default'] },
    }),
  },
} as const satisfies Partial<ProblemTable>;
