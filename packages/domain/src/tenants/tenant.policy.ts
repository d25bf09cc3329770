import { err, ok, type Result } from 'neverthrow';
import type { Actor, SystemActor } from '../shared/actor.js';
import { type Authorized, grant } from '../shared/authorized.js';
import type { TenantAdminForbidden } from './tenant.errors.js';

/**
 * Tenants are added, listed and removed by operators from the command line only: no user of any
 * tenant, an admin included (an admin of one publication is nobody at another), manages them.
 */
export const canManageTenants = (actor: Actor | SystemActor, slug: string): Result<Authorized<'tenant:manage'>, TenantAdminForbidden> =>
  actor.kind === 'system' ? ok(grant('tenant:manage', slug)) : err({ type: 'TenantAdminForbidden' });
