import {
  type Actor,
  canManageTenants,
  checkTenantHost,
  checkTenantSlug,
  DEFAULT_TENANT,
  type DefaultTenantKept,
  type SystemActor,
  type TenantAdminForbidden,
  type TenantHost,
  type TenantHostInvalid,
  type TenantHostTaken,
  type TenantNotEmpty,
  type TenantNotFound,
  type TenantSlugInvalid,
  type TenantSlugTaken,
  type TenantWithHosts,
} from '@conduit/domain';
import { err, errAsync, ok, okAsync, ResultAsync, safeTry } from 'neverthrow';
import type { AppDeps } from '../deps.js';

export type AddTenantCommand = { readonly slug: string; readonly hosts: readonly string[] };
export type RemoveTenantCommand = { readonly slug: string; readonly purge: boolean };
export type RemovedTenant = { readonly slug: string; readonly purgedRows: number };

type Ctx = { readonly actor: Actor | SystemActor };

/** A new tenant, served at `hosts` (none: it is reached only through the CLI until it gets one). */
export const makeAddTenant =
  (deps: Pick<AppDeps, 'tenancy'>) =>
  (
    ctx: Ctx,
    command: AddTenantCommand,
  ): ResultAsync<TenantWithHosts, TenantAdminForbidden | TenantSlugInvalid | TenantHostInvalid | TenantSlugTaken | TenantHostTaken> =>
    safeTry(async function* () {
      const allowed = yield* canManageTenants(ctx.actor, command.slug);
      const slug = yield* checkTenantSlug(command.slug);
      const hosts: TenantHost[] = [];
      for (const text of command.hosts) {
        const host = yield* checkTenantHost(text);
        if (!hosts.includes(host)) hosts.push(host);
      }
      return deps.tenancy.tenants.add(slug, hosts, allowed);
    });

/** Every tenant with its hosts, for an operator. */
export const makeListTenants =
  (deps: Pick<AppDeps, 'tenancy'>) =>
  (ctx: Ctx): ResultAsync<TenantWithHosts[], TenantAdminForbidden> =>
    canManageTenants(ctx.actor, '*').asyncAndThen(() => ResultAsync.fromSafePromise(deps.tenancy.tenants.all()));

/**
 * Removes a tenant and its hosts. Refused while it holds any data, unless `purge`: then every row it
 * owns is deleted first (in its own scope, so nothing of another tenant can be touched). The
 * default tenant stays.
 */
export const makeRemoveTenant =
  (deps: Pick<AppDeps, 'tenancy'>) =>
  (
    ctx: Ctx,
    command: RemoveTenantCommand,
  ): ResultAsync<RemovedTenant, TenantAdminForbidden | TenantNotFound | TenantNotEmpty | DefaultTenantKept> =>
    safeTry(async function* () {
      const allowed = yield* canManageTenants(ctx.actor, command.slug);
      if (command.slug === DEFAULT_TENANT.slug) return err({ type: 'DefaultTenantKept' } as const);
      const tenant = await deps.tenancy.tenants.bySlug(command.slug);
      if (tenant === null) return err({ type: 'TenantNotFound', slug: command.slug } as const);
      const { contents, runIn } = deps.tenancy;
      const purgedRows = yield* await runIn(tenant, async () => {
        if (command.purge) return okAsync(await contents.purge(allowed));
        return (await contents.isEmpty()) ? okAsync(0) : errAsync({ type: 'TenantNotEmpty', slug: command.slug } as const);
      });
      await deps.tenancy.tenants.remove(tenant, allowed);
      return ok({ slug: tenant.slug, purgedRows });
    });
