import type { AppError, ArticlePage, ArticlePosition } from '@conduit/app';
import type { Context } from 'hono';
import type { Result } from 'neverthrow';
import { presentArticlePage } from '../presenters/article.presenter.js';
import { encodeCursor } from '../schemas/article-cursor.js';
import { respond } from './respond.js';

/** The query of a page that its `next` repeats: the filters and the page size (not offset or cursor). */
type Repeated = { readonly tag?: string; readonly author?: string; readonly favorited?: string; readonly limit: number };

/** The URL of the page after `position`: this path, the same filters and limit, and the cursor. */
const nextPageUrl =
  (c: Context, query: Repeated) =>
  (position: ArticlePosition): string => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
    params.set('cursor', encodeCursor(position));
    return `${c.req.path}?${params}`;
  };

/**
 * A list page's answer: the page with its `next` URL, which also goes in a `Link: <…>; rel="next"`
 * header (RFC 8288) for clients that page by headers. The URL is relative to the request's, so it
 * stays right behind a proxy that rewrites the host.
 */
export const respondPage = (c: Context, result: Result<ArticlePage, AppError>, query: Repeated) => {
  const urlOf = nextPageUrl(c, query);
  if (result.isOk() && result.value.next !== null) c.header('Link', `<${urlOf(result.value.next)}>; rel="next"`);
  return respond(c, result, presentArticlePage(urlOf), 200);
};
