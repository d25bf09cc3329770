import type { ArticlePosition } from '@conduit/app';
import type { Context } from 'hono';
import { encodeCursor } from '../schemas/article-cursor.js';

/**
 * The URL of the page after `position`: this path, the query the page was asked with but its
 * offset and cursor (so the same filters and limit), and the cursor. It also goes in a
 * `Link: <…>; rel="next"` header (RFC 8288) for clients that page by headers. Relative to the
 * request's, so it stays right behind a proxy that rewrites the host.
 */
export const linkNextPage =
  (c: Context, query: Record<string, unknown>) =>
  (position: ArticlePosition): string => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && name !== 'offset' && name !== 'cursor') params.set(name, String(value));
    }
    params.set('cursor', encodeCursor(position));
    const url = `${c.req.path}?${params}`;
    c.header('Link', `<${url}>; rel="next"`);
    return url;
  };
