import { err, ok, type Result } from 'neverthrow';
import type { TenantHostInvalid, TenantSlugInvalid } from './tenant.errors.js';

/** A publication on this deployment: its own users, articles, tags, jobs and settings. */
export type TenantId = number & { readonly __brand: 'TenantId' };
export const tenantId = (value: number): TenantId => value as TenantId;

export type Tenant = { readonly id: TenantId; readonly slug: string };

/** A tenant with the host names it is served at (exact names, or `*.example.com` for any one label there). */
export type TenantWithHosts = Tenant & { readonly hosts: readonly string[] };

/**
 * The tenant that held everything before there were tenants: it serves every host no tenant is
 * mapped to (unless the deployment refuses those), and cannot be removed.
 */
export const DEFAULT_TENANT: Tenant = { id: tenantId(1), slug: 'default' };

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A tenant's name in commands and logs, as checkTenantSlug made it. */
export type TenantSlug = string & { readonly __brand: 'TenantSlug' };
/** A host name a tenant is mapped to, as checkTenantHost made it. */
export type TenantHost = string & { readonly __brand: 'TenantHost' };

/** A tenant's name: a DNS label (lower-case letters, digits, inner hyphens; 63 at most). */
export const checkTenantSlug = (text: string): Result<TenantSlug, TenantSlugInvalid> =>
  SLUG.test(text) ? ok(text as TenantSlug) : err({ type: 'TenantSlugInvalid', slug: text });

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A host name as a request's Host header gives it, in the form tenants are mapped by: lower case,
 * without the port or a trailing dot. Null for anything that is not a host name (an IPv6 literal
 * included: those are never mapped, so they go to the default tenant).
 */
export const hostOfHeader = (header: string | undefined): string | null => {
  if (header === undefined) return null;
  const host = header
    .trim()
    .toLowerCase()
    .replace(/:\d{1,5}$/, '')
    .replace(/\.$/, '');
  return host.length <= 253 && host.split('.').every((label) => LABEL.test(label)) ? host : null;
};

/**
 * A host name an operator maps a tenant to: a host name (`blog.example.com`), or a wildcard for any
 * single label in front of a domain (`*.example.com`, which does not match `example.com` itself
 * nor `a.b.example.com`), in the form hosts are resolved in (lower case, no port).
 */
export const checkTenantHost = (text: string): Result<TenantHost, TenantHostInvalid> => {
  const wildcard = text.trim().toLowerCase().startsWith('*.');
  const rest = hostOfHeader(wildcard ? text.trim().slice(2) : text);
  if (rest === null || rest.includes(':') || (wildcard && !rest.includes('.'))) return err({ type: 'TenantHostInvalid', host: text });
  return ok((wildcard ? `*.${rest}` : rest) as TenantHost);
};

/** The wildcard a host falls under (`a.example.com` → `*.example.com`), or null for a single-label host. */
export const wildcardOf = (host: string): string | null => {
  const dot = host.indexOf('.');
  return dot < 0 ? null : `*${host.slice(dot)}`;
};
