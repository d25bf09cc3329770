/**
 * The tenant a statement of tenant-owned rows runs for. Such a statement outside any tenant is a
 * bug: it is refused before it is sent, never run for no tenant (or, as a superuser, for every one).
 */
export const requireTenant = (tenant: number | undefined): number => {
  if (tenant === undefined) throw new Error('A statement of tenant-owned rows was sent outside any tenant');
  return tenant;
};
