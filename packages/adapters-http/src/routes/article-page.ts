import type { ArticlePosition } from '@conduit/app';
import { encodeCursor } from '../schemas/article-cursor.js';

/**
 * The URL of the page after `position`: this path, the query the page was asked with but its
 * offset and cursor (so the same filters and limit), and the cursor. Relative to the request's,
 * so it stays right behind a proxy that rewrites the host.
 */
export const nextPageUrl = (path: string, query: Record<string, unknown>, position: ArticlePosition): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && name !== 'offset' && name !== 'cursor') params.set(name, String(value));
  }
  params.set('cursor', encodeCursor(position));
  return `${path}?${params}`;
};
