/** Tenants are managed by operators from the command line only, never over the API. */
export type TenantAdminForbidden = { readonly type: 'TenantAdminForbidden' };
export type TenantSlugInvalid = { readonly type: 'TenantSlugInvalid'; readonly slug: string };
export type TenantHostInvalid = { readonly type: 'TenantHostInvalid'; readonly host: string };
export type TenantSlugTaken = { readonly type: 'TenantSlugTaken'; readonly slug: string };
/** The host already serves another tenant. */
export type TenantHostTaken = { readonly type: 'TenantHostTaken'; readonly host: string };
export type TenantNotFound = { readonly type: 'TenantNotFound'; readonly slug: string };
/** The tenant still holds data: removing it needs `--purge`. */
export type TenantNotEmpty = { readonly type: 'TenantNotEmpty'; readonly slug: string };
/** The default tenant serves unmapped hosts and what existed before tenants: it stays. */
export type DefaultTenantKept = { readonly type: 'DefaultTenantKept' };

export type TenantError =
  | TenantAdminForbidden
  | TenantSlugInvalid
  | TenantHostInvalid
  | TenantSlugTaken
  | TenantHostTaken
  | TenantNotFound
  | TenantNotEmpty
  | DefaultTenantKept;
