import { type Core, ROW_SECURITY_BYPASSED } from '@conduit/composition';
import { systemActor, type TenantError } from '@conduit/domain';

type Operator = { readonly operator: string };

/** One line per refusal, naming what to do. */
const refusal = (error: TenantError): string => {
  switch (error.type) {
    case 'TenantAdminForbidden':
      return 'tenants are managed by operators only';
    case 'TenantSlugInvalid':
      return `"${error.slug}" is not a tenant name: lower-case letters, digits and inner hyphens, 63 at most`;
    case 'TenantHostInvalid':
      return `"${error.host}" is not a host name (nor a *.domain wildcard)`;
    case 'TenantSlugTaken':
      return `a tenant named "${error.slug}" exists`;
    case 'TenantHostTaken':
      return `${error.host} already serves another tenant`;
    case 'TenantNotFound':
      return `no tenant named "${error.slug}"`;
    case 'TenantNotEmpty':
      return `tenant "${error.slug}" still holds data: add --purge to delete it too`;
    case 'DefaultTenantKept':
      return 'the default tenant serves every unmapped host and stays';
  }
};

const refused = (error: TenantError): number => {
  process.stderr.write(`${refusal(error)}\n`);
  return 1;
};

/** `conduit tenants add SLUG --host NAME …`: a new publication, served at its hosts within TENANT_REFRESH_MS. */
export const addTenant = async (core: Core, slug: string, options: Operator & { readonly host: readonly string[] }): Promise<number> => {
  const result = await core.useCases.addTenant({ actor: systemActor(options.operator) }, { slug, hosts: options.host });
  if (result.isErr()) return refused(result.error);
  const { hosts } = result.value;
  process.stdout.write(`added tenant ${result.value.slug}${hosts.length > 0 ? ` at ${hosts.join(', ')}` : ' (no host yet)'}\n`);
  // Said where the operator adding a second publication reads, not only in the start's log.
  if (core.bypassesRowSecurity) process.stderr.write(`note: ${ROW_SECURITY_BYPASSED}\n`);
  return 0;
};

/** `conduit tenants list`: id, slug and hosts, a tenant a line. */
export const listTenants = async (core: Core, options: Operator): Promise<number> => {
  const result = await core.useCases.listTenants({ actor: systemActor(options.operator) });
  if (result.isErr()) return refused(result.error);
  for (const tenant of result.value) {
    process.stdout.write(`${tenant.id}\t${tenant.slug}\t${tenant.hosts.length > 0 ? tenant.hosts.join(',') : '-'}\n`);
  }
  return 0;
};

/** `conduit tenants remove SLUG [--purge]`: refused while the tenant holds data, unless its data goes too. */
export const removeTenant = async (core: Core, slug: string, options: Operator & { readonly purge?: boolean }): Promise<number> => {
  const result = await core.useCases.removeTenant({ actor: systemActor(options.operator) }, { slug, purge: options.purge === true });
  if (result.isErr()) return refused(result.error);
  const purged = result.value.purgedRows;
  process.stdout.write(`removed tenant ${result.value.slug}${options.purge ? ` and its ${purged} rows` : ''}\n`);
  return 0;
};
