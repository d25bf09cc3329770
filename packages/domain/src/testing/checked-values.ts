import { checkTenantHost, checkTenantSlug, type TenantHost, type TenantSlug } from '../tenants/tenant.js';
import { checkLockReason, type LockReason } from '../users/lock-reason.js';

/** Values the domain's checks make, for tests that mean them to be valid (an invalid one throws). */
export const aTenantSlug = (text: string): TenantSlug => checkTenantSlug(text)._unsafeUnwrap();
export const aTenantHost = (text: string): TenantHost => checkTenantHost(text)._unsafeUnwrap();
export const aLockReason = (text: string): LockReason => checkLockReason(text)._unsafeUnwrap();
