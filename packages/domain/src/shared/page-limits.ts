/** How much one page may ask for, whoever asks (a route, a tool, a command, a batch script). */
export const PAGE_LIMITS = {
  /** Rows in one page; more is served as this many. */
  sizeMax: 100,
  /** Rows skipped before a page; past it, a cursor (`next`) reaches deeper at the same cost. */
  offsetMax: 1_000_000,
} as const;

/**
 * The page as the core serves it: a size within 0..sizeMax (more is served as the cap, as the API
 * documents), an offset within 0..offsetMax. The edge refuses an offset past the bound with a 422;
 * a caller that reaches the core without an edge (a script, a new driver) still cannot ask a read
 * to walk a million rows or return them all.
 */
export const boundedPage = <P extends { readonly limit: number; readonly offset: number }>(page: P): P => ({
  ...page,
  limit: Math.min(Math.max(0, Math.trunc(page.limit) || 0), PAGE_LIMITS.sizeMax),
  offset: Math.min(Math.max(0, Math.trunc(page.offset) || 0), PAGE_LIMITS.offsetMax),
});
